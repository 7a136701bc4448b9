#!/usr/bin/env node
// Runs the compiled CLI (npm run build). Exit code comes from main(): 0 ok, 1 user error, 2 internal error.
import { main } from '../dist/cli.js';

process.exitCode = await main(process.argv);
