#!/usr/bin/env node
/* eslint-disable no-console -- a command-line example: printing is its interface */
// Receives Takt's webhooks and checks each one before trusting it: the timestamp within 5 minutes
// of this machine's clock (a captured delivery cannot be replayed later), the signature over
// "<timestamp>.<raw body>", and the delivery id not seen before (retries repeat it). Plain
// Node.js 18 or later, no dependencies. See docs/adr/0005-notifications-and-webhook-outbox.md.
//
//   WEBHOOK_SECRET=whsec_… node docs/examples/webhook-receiver.mjs [--port 8080]
//
// Prints one JSON line per accepted delivery; answers 401 to anything it cannot verify.
import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer } from 'node:http';
import { parseArgs } from 'node:util';

const TOLERANCE_SECONDS = 300;
const { values: args } = parseArgs({ options: { port: { type: 'string', default: process.env.PORT ?? '8080' } } });
const secret = process.env.WEBHOOK_SECRET;
if (!secret) {
  console.error('Set WEBHOOK_SECRET to the secret createWebhook returned.');
  process.exit(2);
}

/** Delivery ids already handled (keep them in your database in a real receiver). */
const seen = new Set();

function verified(rawBody, timestamp, signature) {
  if (!/^\d{1,12}$/.test(timestamp ?? '') || !signature) return false;
  if (Math.abs(Date.now() / 1000 - Number(timestamp)) > TOLERANCE_SECONDS) return false;
  const expected = Buffer.from(`v1=${createHmac('sha256', secret).update(`${timestamp}.${rawBody}`).digest('hex')}`);
  const given = Buffer.from(signature);
  return expected.length === given.length && timingSafeEqual(expected, given);
}

const server = createServer((req, res) => {
  const chunks = [];
  req.on('data', (c) => chunks.push(c));
  req.on('end', () => {
    const raw = Buffer.concat(chunks).toString('utf8');
    if (req.method !== 'POST' || !verified(raw, req.headers['x-takt-timestamp'], req.headers['x-takt-signature'])) {
      res.writeHead(401).end('signature or timestamp not valid');
      return;
    }
    const delivery = req.headers['x-takt-delivery'];
    if (!seen.has(delivery)) {
      seen.add(delivery);
      const { event, changeOrder, occurredAt } = JSON.parse(raw);
      console.log(JSON.stringify({ delivery, event, changeOrder: changeOrder.number, status: changeOrder.status, occurredAt }));
    }
    res.writeHead(200).end('ok');
  });
});
server.listen(Number(args.port), () => console.error(`listening on ${server.address().port}`));
