import { test } from "node:test";
import assert from "node:assert/strict";
import { isLocalName, isPublicAddress } from "./ip-ranges";

test("loopback, private, link-local, CGNAT, benchmark, unspecified and their IPv6 spellings are not public", () => {
  for (const ip of [
    "127.0.0.1", "10.1.2.3", "172.16.0.1", "192.168.1.1", "169.254.169.254", "100.64.0.1", "100.127.255.255", "198.18.0.1", "198.19.255.1",
    "0.0.0.0", "255.255.255.255", "224.0.0.1", "::", "::1", "[::1]", "::ffff:127.0.0.1", "[::ffff:7f00:1]", "0:0:0:0:0:ffff:7f00:1",
    "::ffff:169.254.169.254", "::ffff:a9fe:a9fe", "fe80::1", "[fe80::1%eth0]", "fc00::1", "fd12:3456::1", "64:ff9b::7f00:1", "64:ff9b::10.0.0.1",
    "64:ff9b:1::1", "2002:7f00:1::1", "::127.0.0.1", "ff02::1", "2001:db8::1", "not-an-ip",
  ]) assert.equal(isPublicAddress(ip), false, ip);
});

test("ordinary public addresses are public, whether written in IPv4 or carried in IPv6", () => {
  for (const ip of ["93.184.216.34", "8.8.8.8", "100.128.0.1", "198.20.0.1", "2606:4700:4700::1111", "::ffff:8.8.8.8", "64:ff9b::808:808", "2002:808:808::1"]) {
    assert.equal(isPublicAddress(ip), true, ip);
  }
});

test("names for the machine itself or a metadata service are refused with or without a trailing dot", () => {
  for (const n of ["localhost", "localhost.", "LOCALHOST", "app.localhost", "metadata.google.internal", "metadata.google.internal.", "printer.local", ""]) {
    assert.equal(isLocalName(n), true, n);
  }
  assert.equal(isLocalName("hooks.example.com."), false);
});
