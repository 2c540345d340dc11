// @ts-check
import { createInterface } from "node:readline";
import { UsageError } from "./cli-args.mjs";

/**
 * Questions and answers on the terminal, one line at a time. Works the same when answers are piped in
 * (tests, scripts); at the end of input every question takes its default, and one without a default
 * stops the command (nothing is published on a guess).
 */
export function terminal() {
  /** @type {import("node:readline").Interface|null} */
  let rl = null;
  /** @type {AsyncIterator<string>|null} */
  let lines = null;
  let ended = false;
  return {
    /** @param {string} text */
    print(text) {
      process.stdout.write(text.endsWith("\n") ? text : `${text}\n`);
    },
    /** @param {string} question @param {string} [fallback] */
    async ask(question, fallback = "") {
      process.stdout.write(`${question}${fallback ? ` [${fallback}]` : ""}: `);
      const endOfInput = () => {
        if (fallback) return fallback;
        throw new UsageError(`the answers ended at "${question}"; nothing was published`);
      };
      if (ended) return endOfInput();
      // Standard input is only opened once a question is asked: one-line publishes never wait on it.
      rl ??= createInterface({ input: process.stdin, terminal: false });
      lines ??= rl[Symbol.asyncIterator]();
      const next = await lines.next();
      if (next.done) {
        ended = true;
        process.stdout.write("\n");
        return endOfInput();
      }
      process.stdout.write("\n");
      return next.value.trim() || fallback;
    },
    close() {
      rl?.close();
    },
  };
}

/** @typedef {ReturnType<typeof terminal>} Terminal */
