/**
 * The pure domain of 3-D Secure authentication: states, events, the transition table,
 * outcomes and guidance, and PSP hand-off mappings. Imports no framework and does no I/O.
 */
export {};
