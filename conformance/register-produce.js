#!/usr/bin/env node
'use strict';
// Registers an Avro schema under {topic}-value and produces records encoded with it, using
// @kafkajs/confluent-schema-registry (register(), encode()) and kafkajs, so Java can check it
// reads what JavaScript wrote. Records are JSON, one a line, in avsc's representation (a date
// is days since 1970-01-01, a union of null and one type is the bare value).
// Prints one JSON line: {"subject":"t-value","id":N,"produced":M}
// Usage: node register-produce.js --bootstrap HOST:PORT --registry URL --topic NAME
//          --schema FILE.avsc --records FILE.jsonl [--timeout-ms N]
const fs = require('node:fs');
const { SchemaRegistry, SchemaType } = require('@kafkajs/confluent-schema-registry');
const { options, kafka, toJson, fail, withTimeout } = require('./cli');

const args = options({
  bootstrap: { type: 'string' },
  registry: { type: 'string' },
  topic: { type: 'string' },
  schema: { type: 'string' },
  records: { type: 'string' },
  'timeout-ms': { type: 'string', default: '60000' },
}, ['bootstrap', 'registry', 'topic', 'schema', 'records']);

function readRecords(file) {
  return fs.readFileSync(file, 'utf8').split('\n')
    .map((line, index) => [line.trim(), index + 1])
    .filter(([line]) => line.length > 0)
    .map(([line, number]) => {
      try {
        return JSON.parse(line);
      } catch (e) {
        throw new Error(`${file} line ${number}: not JSON (${e.message})`);
      }
    });
}

async function main() {
  const registry = new SchemaRegistry({ host: args.registry });
  const subject = `${args.topic}-value`;
  const schema = fs.readFileSync(args.schema, 'utf8');
  const { id } = await registry.register({ type: SchemaType.AVRO, schema }, { subject });

  const records = readRecords(args.records);
  const messages = [];
  for (const record of records) {
    messages.push({ value: await registry.encode(id, record) });
  }
  const producer = kafka(args.bootstrap, 'retorno-conformance-producer').producer();
  await producer.connect();
  try {
    await producer.send({ topic: args.topic, acks: -1, messages });
  } finally {
    await producer.disconnect();
  }
  process.stdout.write(toJson({ subject, id, produced: messages.length }) + '\n');
}

withTimeout(main(), Number(args['timeout-ms']), `registering and producing to ${args.topic}`)
  .then(() => process.exit(0))
  .catch((e) => fail(`register-produce: ${e.message}`));
