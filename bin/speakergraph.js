#!/usr/bin/env node
// Runs the compiled CLI (npm run build). Exit codes: 0 ok, 1 user error, 2 internal error.
import '../dist/main.js';
