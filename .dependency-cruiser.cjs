// The import rules of server/ (npm run check:imports, inside npm test): no loop, and the stages import one
// way. Folders, from the bottom: common -> words, files, stores -> settings, access -> forms/model -> forms/schema ->
// forms/compile -> forms/request and forms/render (never each other) -> forms/define.ts -> http, serve ->
// wizards, inspector, builder, uploads. A feature folder (a subpath of the package: uploads, wizards, access,
// stores, inspector, builder, s3) is entered from outside through its index.ts only, as an app enters it.
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    { name: 'no-circular', severity: 'error', comment: 'An import loop: split the shared part into the lower module.', from: { path: '^server/' }, to: { circular: true } },
    { name: 'common-is-the-bottom', severity: 'error', comment: 'common/ is used by every stage and uses none.', from: { path: '^server/common/' }, to: { path: '^server/(?!common/)' } },
    { name: 'files-above-common-only', severity: 'error', comment: 'files/ (a POST\'s files: store, tokens, names, types) is used by settings, forms and the HTTP layer, and uses only common/.', from: { path: '^server/files/' }, to: { path: '^server/(?!(common|files)/)' } },
    { name: 'words-above-common-only', severity: 'error', comment: 'words/ (our own words per language) is read by every stage and reads nothing of theirs.', from: { path: '^server/words/' }, to: { path: '^server/(?!(common|words)/)' } },
    { name: 'stores-above-common-only', severity: 'error', from: { path: '^server/stores/' }, to: { path: '^server/(?!(common|stores)/)' } },
    { name: 'features-through-their-entry', severity: 'error', comment: 'Outside a feature folder, import its index.ts (its subpath entry), never a file inside it. moved-in-0.2.ts, the old names kept until 0.3, is the one exception.', from: { path: '^server/([^/]+)', pathNot: '^server/moved-in-0\\.2\\.ts$' }, to: { path: '^server/(uploads|wizards|access|stores|inspector|builder|s3)/(?!index\\.ts$)', pathNot: '^server/$1/' } },
    { name: 'settings-and-access-below-forms', severity: 'error', from: { path: '^server/(settings|access)/' }, to: { path: '^server/(forms|http|serve|builder|wizards|inspector|uploads)/' } },
    { name: 'model-imports-no-stage', severity: 'error', comment: 'The model holds types and pure tables: stages import it, never the reverse.', from: { path: '^server/forms/model/' }, to: { path: '^server/(forms/(?!model/)|http/|serve/|builder/)' } },
    { name: 'schema-reads-zod-only', severity: 'error', from: { path: '^server/forms/schema/' }, to: { path: '^server/(forms/(compile|request|render)/|forms/define|http/|serve/|builder/)' } },
    { name: 'compile-before-request-and-render', severity: 'error', from: { path: '^server/forms/compile/' }, to: { path: '^server/(forms/(request|render)/|forms/define|http/|serve/|builder/)' } },
    { name: 'request-and-render-apart', severity: 'error', comment: 'Parsing a POST and rendering a form share only the model.', from: { path: '^server/forms/request/' }, to: { path: '^server/(forms/(render|compile)/|forms/define|http/|serve/|builder/)' } },
    { name: 'render-and-request-apart', severity: 'error', from: { path: '^server/forms/render/' }, to: { path: '^server/(forms/(request|compile)/|forms/define|http/|serve/|builder/)' } },
    { name: 'forms-below-http', severity: 'error', from: { path: '^server/forms/' }, to: { path: '^server/(http|serve|builder)/' } },
    { name: 'serving-below-http', severity: 'error', from: { path: '^server/serve/' }, to: { path: '^server/(http|builder|forms)/' } },
    { name: 'wizards-above-http', severity: 'error', comment: 'A wizard is made of forms and served through req.dojo: nothing below it knows of wizards.', from: { path: '^server/(?!wizards/|index\\.ts|moved-in-0\\.2\\.ts)' }, to: { path: '^server/wizards/' } },
    { name: 'inspector-above-http', severity: 'error', comment: 'The inspector reads forms and pages as an app does: nothing else knows of it.', from: { path: '^server/(?!inspector/|index\\.ts|moved-in-0\\.2\\.ts|builder/)' }, to: { path: '^server/inspector/' } },
    { name: 'nothing-lost-guards-apart', severity: 'error', comment: 'The nothing-lost guards (submitted once, edit versions) read the request\'s keys and answer refusals; the rest of the HTTP layer calls them, never the reverse.', from: { path: '^server/http/nothing-lost/' }, to: { path: '^server/http/(?!nothing-lost/|request-keys\\.ts|refusals\\.ts)' } },
    { name: 'http-never-builds', severity: 'error', from: { path: '^server/http/' }, to: { path: '^server/builder/' } },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    exclude: { path: '^(dist|node_modules)/' },
  },
};
