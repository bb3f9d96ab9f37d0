// What `yaml` resolves to under jest: the copy test/shared-modules-environment.js loaded once for
// this worker process.
module.exports = globalThis.__tlapSharedYaml();
