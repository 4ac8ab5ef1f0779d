/**
 * The admin console, first version: a Micronaut REST API that reads positions straight from the OMS's Chronicle
 * Map file, behind API keys, plus health probes.
 * <pre>
 *  OMS thread --applyFill--> positions.cmap (Chronicle Map file, off-heap, shared between processes)
 *                                  |
 *                                  | read-only copies, never through the OMS thread
 *                                  v
 *  HTTP client --> SecurityHeadersFilter --> ApiKeyFilter --> PositionsController   GET /api/positions[/{account}]
 *  127.0.0.1:8080      (every response)      Bearer key,      HealthController      GET /health/liveness|readiness
 *                                            PBKDF2 (cached),                       (no key needed)
 *                                            role check
 * </pre>
 * <ul>
 *     <li>API keys are {@code bst.<name>.<secret>}, made by {@link io.bastion.console.ApiKeyTool}; only salted
 *     PBKDF2 hashes are stored ({@link io.bastion.console.ApiKeys}). Roles: viewer, risk-officer, admin.</li>
 *     <li>Errors are RFC 9457 problem documents ({@code application/problem+json}); decimals are strings.</li>
 *     <li>Plain HTTP, on loopback by default: HTTPS (port 8443), the web page, limits with four-eyes approval,
 *     the kill switch, orders, sessions, the audit trail and rate limiting come with the full console.</li>
 * </ul>
 * Micronaut, Netty and JSON live only in this module (the core modules ban them in their builds).
 */
package io.bastion.console;
