// node:tty loads node:net (~5 ms of start-up): io.ts imports this module only
// when a file descriptor may be a terminal. (A direct import('node:tty') would
// stay a dynamic import in the bundle, which vm.Script cannot run.)
export { isatty } from 'node:tty';
