/**
 * What a cardholder's browser does with the issuer's pages, over plain HTTP: read the form on
 * a page, post it (auto-submitting forms included), fill in the challenge password.
 */
export interface HtmlForm {
  readonly action: string;
  readonly fields: Record<string, string>;
}

export interface PageResponse {
  readonly status: number;
  readonly html: string;
}

export async function postForm(url: string, fields: Record<string, string>): Promise<PageResponse> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(fields).toString(),
    signal: AbortSignal.timeout(10_000),
  });
  return { status: response.status, html: await response.text() };
}

export interface Visit extends PageResponse {
  /** Where a redirect points (`Location`), not followed. */
  readonly location: string | null;
}

/**
 * A browser's step that does not follow redirects: GET `url`, or POST `fields` as a form. The
 * test then sees each 303 and where it points.
 */
export async function visit(url: string, fields?: Record<string, string>): Promise<Visit> {
  const response = await fetch(url, {
    redirect: 'manual',
    signal: AbortSignal.timeout(10_000),
    ...(fields
      ? {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          body: new URLSearchParams(fields).toString(),
        }
      : {}),
  });
  return {
    status: response.status,
    html: await response.text(),
    location: response.headers.get('location'),
  };
}

/** The first form of a page, with its hidden inputs. */
export function formOf(html: string): HtmlForm {
  const form = /<form[^>]*action="([^"]*)"[^>]*>([\s\S]*?)<\/form>/i.exec(html);
  if (!form) throw new Error(`no form in page:\n${html}`);
  const fields: Record<string, string> = {};
  for (const input of form[2].matchAll(
    /<input[^>]*type="hidden"[^>]*name="([^"]*)"[^>]*value="([^"]*)"/gi,
  )) {
    fields[unescape(input[1])] = unescape(input[2]);
  }
  return { action: unescape(form[1]), fields };
}

const unescape = (value: string): string =>
  value
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');

export const encodeJson = (value: object): string =>
  Buffer.from(JSON.stringify(value)).toString('base64url');
export const decodeJson = (value: string): Record<string, unknown> =>
  JSON.parse(Buffer.from(value, 'base64url').toString('utf8')) as Record<string, unknown>;

/** EMV 3DS Method in a hidden iframe: post threeDSMethodData, follow the auto-post back. */
export async function runThreeDsMethod(
  methodUrl: string,
  transactionId: string,
  notificationUrl: string,
) {
  const page = await postForm(methodUrl, {
    threeDSMethodData: encodeJson({
      threeDSServerTransID: transactionId,
      threeDSMethodNotificationURL: notificationUrl,
    }),
  });
  const form = formOf(page.html);
  await postForm(form.action, form.fields);
  return form;
}

/**
 * The issuer's 3DS Method page given a next action's `three_ds_method_data`, then its auto-post
 * back (to our notification page, which the data names): the form it posted.
 */
export async function followThreeDsMethod(method: {
  method_url: string;
  three_ds_method_data: string;
}): Promise<HtmlForm> {
  const page = await postForm(method.method_url, {
    threeDSMethodData: method.three_ds_method_data,
  });
  const back = formOf(page.html);
  await postForm(back.action, back.fields);
  return back;
}

export type ChallengeAnswer = { password: string } | 'cancel';

/**
 * The ACS challenge: post the CReq, answer the password page, and return the auto-post the ACS
 * sends back (CRes to the notification URL), or the final page when there is no form.
 */
export async function answerChallenge(acsUrl: string, creq: string, answer: ChallengeAnswer) {
  const challengePage = await postForm(acsUrl, { creq });
  if (challengePage.status !== 200) throw new Error(`ACS page answered ${challengePage.status}`);
  const passwordForm = formOf(challengePage.html);
  const fields =
    answer === 'cancel'
      ? { ...passwordForm.fields, action: 'cancel' }
      : { ...passwordForm.fields, action: 'submit', password: answer.password };
  return postForm(passwordForm.action, fields);
}

/** 3DS1: PaReq to the ACS, password, PaRes + MD to TermUrl; returns TermUrl's page. */
export async function answer3ds1(
  acsUrl: string,
  pareq: string,
  termUrl: string,
  md: string,
  password: string,
) {
  const acsPage = await postForm(acsUrl, { PaReq: pareq, TermUrl: termUrl, MD: md });
  if (acsPage.status !== 200) throw new Error(`3DS1 ACS page answered ${acsPage.status}`);
  const passwordForm = formOf(acsPage.html);
  const toTerm = formOf(
    (await postForm(passwordForm.action, { ...passwordForm.fields, action: 'submit', password }))
      .html,
  );
  return { toTerm, termPage: await postForm(toTerm.action, toTerm.fields) };
}

/** The device data the hosted page's script fills in before it posts itself. */
export const HOSTED_PAGE_DEVICE = {
  java_enabled: 'false',
  language: 'en-GB',
  color_depth: '24',
  screen_height: '1080',
  screen_width: '1920',
  timezone: '-60',
};

/** Opens Checkout's hosted page (`redirect_url`) and posts its device-data form, as its script does. */
export async function submitHostedPage(redirectUrl: string): Promise<Visit> {
  const page = await visit(redirectUrl);
  if (page.status !== 200) throw new Error(`hosted page answered ${page.status}`);
  const form = formOf(page.html);
  return visit(form.action, { ...form.fields, ...HOSTED_PAGE_DEVICE });
}
