// `dijitize build --app` imports the app, and an app's entry usually ends with `app.listen(PORT)`. A build
// never serves: beside the running server that listen meets EADDRINUSE and would end the build half way.
// So the CLI makes every listen a no-op (once said in the log), for the life of the build process only.
import net from 'node:net';

export function skipListening(log: (message: string) => void): void {
  let told = false;
  net.Server.prototype.listen = function skippedListen(this: net.Server) {
    if (!told) log('the app\'s listen() was skipped: a build never serves');
    told = true;
    return this;
  } as typeof net.Server.prototype.listen;
}
