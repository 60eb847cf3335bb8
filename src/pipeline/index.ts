/**
 * The pipeline stage: one function runs a build from the manuscript folder
 * to the committed outputs; the CLI only parses arguments and prints.
 */
export { type BuildOutcome, type BuildRequest, type BuildStatus, internalErrorFile, outputPaths, runBuild } from './build.ts';
export { newCaches, reuseLine, type SessionCaches, startBuild } from './caches.ts';
export { bookFileName, safeNamePart } from './names.ts';
export { roundName } from './proof.ts';
