// electron-builder beforeBuild hook (see electron-builder.yml). Returning false tells
// electron-builder that node_modules are handled elsewhere: the staged app has none (the main
// process is one esbuild bundle), and without this electron-builder falls back to collecting the
// repository's own production dependencies (React, the server, …) into the ASAR.
module.exports = async function skipNodeModules() {
  return false;
};
