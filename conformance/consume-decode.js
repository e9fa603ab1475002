#!/usr/bin/env node
'use strict';
// Reads a topic from the beginning to its current end and decodes every value with two registry
// clients the team did not write. Prints one JSON line per record:
//   {"partition":0,"offset":"3","schemaId":1,"kafkajs":{...},"confluent":{...}}
// Usage: node consume-decode.js --bootstrap HOST:PORT --registry URL --topic NAME [--timeout-ms N]
const crypto = require('node:crypto');
const { SchemaRegistry } = require('@kafkajs/confluent-schema-registry');
const {
  SchemaRegistryClient, AvroDeserializer, SerdeType,
} = require('@confluentinc/schemaregistry');
const { options, kafka, toJson, fail, withTimeout } = require('./cli');

const args = options({
  bootstrap: { type: 'string' },
  registry: { type: 'string' },
  topic: { type: 'string' },
  'timeout-ms': { type: 'string', default: '60000' },
}, ['bootstrap', 'registry', 'topic']);

async function endOffsets(client, topic) {
  const admin = client.admin();
  await admin.connect();
  try {
    const offsets = await admin.fetchTopicOffsets(topic);
    return new Map(offsets.map((o) => [o.partition, BigInt(o.high)]));
  } finally {
    await admin.disconnect();
  }
}

async function main() {
  const client = kafka(args.bootstrap, 'retorno-conformance-consumer');
  const kafkajsRegistry = new SchemaRegistry({ host: args.registry });
  const confluentRegistry = new SchemaRegistryClient({ baseURLs: [args.registry] });
  const confluentDeserializer = new AvroDeserializer(confluentRegistry, SerdeType.VALUE, {});

  const ends = await endOffsets(client, args.topic);
  const remaining = new Set([...ends].filter(([, end]) => end > 0n).map(([p]) => p));
  if (remaining.size === 0) return;

  // A fresh group each run, so "from the beginning" really is the beginning.
  const consumer = client.consumer({ groupId: `retorno-conformance-${crypto.randomUUID()}` });
  await consumer.connect();
  try {
    await consumer.subscribe({ topic: args.topic, fromBeginning: true });
    await new Promise((resolve, reject) => {
      consumer.run({
        eachMessage: async ({ partition, message }) => {
          try {
            if (message.value !== null) {
              const line = {
                partition,
                offset: message.offset,
                schemaId: message.value.readInt32BE(1),
                kafkajs: await kafkajsRegistry.decode(message.value),
                confluent: await confluentDeserializer.deserialize(args.topic, message.value),
              };
              process.stdout.write(toJson(line) + '\n');
            }
            if (BigInt(message.offset) + 1n >= ends.get(partition)) {
              remaining.delete(partition);
              if (remaining.size === 0) resolve();
            }
          } catch (e) {
            reject(e);
          }
        },
      }).catch(reject);
    });
  } finally {
    await consumer.disconnect();
  }
}

withTimeout(main(), Number(args['timeout-ms']), `consuming ${args.topic}`)
  .then(() => process.exit(0))
  .catch((e) => fail(`consume-decode: ${e.message}`));
