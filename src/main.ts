// Process entry point of the CLI (bin/speakergraph.js runs the compiled copy of this file).
import { main } from './cli.js';

process.exitCode = await main(process.argv);
