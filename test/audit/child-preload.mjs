// Loaded with `node --import` into a `rolegate serve` that a test spawns (collector.ts's
// childServerEnv): the server's own process watches every server it runs and appends the
// secrets it issues and receives to ROLEGATE_TEST_SECRETS_FILE. Plain JavaScript because
// it runs before anything can load TypeScript; tsImport loads the collector without
// registering tsx for the whole process (bin/rolegate.js does that itself).
import { tsImport } from 'tsx/esm/api';

const file = process.env.ROLEGATE_TEST_SECRETS_FILE;
if (file !== undefined && file !== '') {
  const { watchEveryServer } = await tsImport('./collector.ts', import.meta.url);
  watchEveryServer(file);
}
