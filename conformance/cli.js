'use strict';
// Shared by the conformance scripts: argument parsing, quiet kafkajs logging, JSON output.
const { parseArgs } = require('node:util');
const { Kafka, logLevel } = require('kafkajs');

/** Parses --name value options; every name in `required` must be present. */
function options(spec, required) {
  const { values } = parseArgs({ options: spec, strict: true });
  const missing = required.filter((name) => values[name] === undefined);
  if (missing.length > 0) {
    fail(`missing option${missing.length > 1 ? 's' : ''}: ${missing.map((m) => '--' + m).join(', ')}`);
  }
  return values;
}

/** kafkajs logs to stdout by default; stdout carries our JSON lines, so its errors go to stderr. */
function kafka(bootstrap, clientId) {
  return new Kafka({
    clientId,
    brokers: bootstrap.split(','),
    logLevel: logLevel.ERROR,
    logCreator: () => ({ namespace, log }) => {
      process.stderr.write(`kafkajs ${namespace}: ${log.message}\n`);
    },
    retry: { retries: 5 },
  });
}

/**
 * JSON that keeps what JSON.stringify would lose or blur: a Date becomes {"$date": ISO-8601},
 * a Buffer {"$bytes": hex}, a bigint {"$bigint": decimal}. The Java side normalises these
 * explicitly, so nothing is compared loosely.
 */
function toJson(value) {
  return JSON.stringify(tag(value));
}

function tag(value) {
  if (value === null || value === undefined) return null;
  if (typeof value === 'bigint') return { $bigint: value.toString() };
  if (value instanceof Date) return { $date: value.toISOString() };
  if (Buffer.isBuffer(value)) return { $bytes: value.toString('hex') };
  if (Array.isArray(value)) return value.map(tag);
  if (typeof value === 'object') {
    const out = {};
    for (const [k, v] of Object.entries(value)) out[k] = tag(v);
    return out;
  }
  return value;
}

function fail(message) {
  process.stderr.write(`${message}\n`);
  process.exit(2);
}

/** Ends the process with a one-line error if `promise` has not settled after `ms`. */
function withTimeout(promise, ms, what) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not finish within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

module.exports = { options, kafka, toJson, fail, withTimeout };
