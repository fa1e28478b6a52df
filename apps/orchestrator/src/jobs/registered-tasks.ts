import { WorkerTask, type JobPool, type JobTask } from '@app/persistence';
import type { DiscoveryService } from '@nestjs/core';

/** The tasks the modules registered (@WorkerTask), by name, each with its pool. */
export function registeredTasks(
  discovery: DiscoveryService,
): Map<string, { readonly task: JobTask; readonly pool: JobPool }> {
  const byName = new Map<string, { task: JobTask; pool: JobPool }>();
  for (const wrapper of discovery.getProviders({ metadataKey: WorkerTask.KEY })) {
    const task = wrapper.instance as JobTask | undefined;
    const pool = discovery.getMetadataByDecorator(WorkerTask, wrapper);
    if (!task || !pool) continue;
    const known = byName.get(task.name);
    if (known && known.task !== task) throw new Error(`job task ${task.name} registered twice`);
    byName.set(task.name, { task, pool });
  }
  return byName;
}
