/**
 * Progress for a run that prints nothing else for a while: jest's default reporter speaks when a suite
 * ends, and the first suites take tens of seconds. This reporter says at once how many suites run on
 * how many workers, and every 15 s which suites are still running and how many are done.
 */
const EVERY_MS = 15_000;

class Progress {
  constructor(globalConfig) {
    this.workers = globalConfig.maxWorkers;
    this.running = new Set();
    this.done = 0;
    this.total = 0;
    this.started = 0;
    this.timer = undefined;
  }

  onRunStart(results) {
    this.total = results.numTotalTestSuites;
    this.started = Date.now();
    process.stderr.write(`jest: ${this.total} test suites on ${this.workers} worker${this.workers === 1 ? '' : 's'}; the long ones first\n`);
    this.timer = setInterval(() => this.tick(), EVERY_MS);
    this.timer.unref();
  }

  onTestStart(test) {
    this.running.add(this.name(test.path));
  }

  onTestResult(test) {
    this.running.delete(this.name(test.path));
    this.done++;
  }

  onRunComplete() {
    clearInterval(this.timer);
  }

  tick() {
    if (this.running.size === 0) return;
    const seconds = Math.round((Date.now() - this.started) / 1000);
    process.stderr.write(`jest: ${seconds} s, ${this.done}/${this.total} suites done; running ${[...this.running].join(', ')}\n`);
  }

  name(path) {
    const i = path.lastIndexOf('/test/') >= 0 ? path.lastIndexOf('/test/') : path.lastIndexOf('/examples/');
    return i >= 0 ? path.slice(i + 1) : path;
  }

  getLastError() {
    return undefined;
  }
}

module.exports = Progress;
