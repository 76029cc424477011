package dev.temper.registry;

import java.net.URI;
import java.time.Duration;

/**
 * One HTTP request as it goes out.
 *
 * @param method the HTTP method
 * @param uri the absolute target
 * @param headers the headers, authorization included
 * @param body the body, {@link RequestBody#EMPTY} for none
 * @param timeout how long a write of the body or a read of the response may wait for progress
 */
record Request(String method, URI uri, Headers headers, RequestBody body, Duration timeout) {}
