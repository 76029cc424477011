package dev.temper.registry;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;

/** The idle HTTP/1.1 connections of a {@link BlockingSender}, by origin. */
final class ConnectionPool {
  private static final int MAX_IDLE_PER_ORIGIN = 8;

  private final Map<String, ConcurrentLinkedDeque<HttpConnection>> idle = new ConcurrentHashMap<>();

  /** Returns an idle connection to {@code origin} that is still usable, or null. */
  HttpConnection take(String origin) {
    ConcurrentLinkedDeque<HttpConnection> connections = idle.get(origin);
    if (connections == null) {
      return null;
    }
    HttpConnection connection;
    while ((connection = connections.pollLast()) != null) {
      if (isQuiet(connection)) {
        return connection;
      }
      connection.close();
    }
    return null;
  }

  /** Keeps a connection whose response was read to its end for the next request, or closes it. */
  void release(HttpConnection connection, boolean reusable) {
    if (!reusable || connection.broken() || !isQuiet(connection)) {
      connection.close();
      return;
    }
    ConcurrentLinkedDeque<HttpConnection> connections =
        idle.computeIfAbsent(connection.origin(), origin -> new ConcurrentLinkedDeque<>());
    if (connections.size() >= MAX_IDLE_PER_ORIGIN) {
      connection.close();
      return;
    }
    connection.markReused();
    connections.addLast(connection);
  }

  /**
   * Returns whether an idle connection is open and has no bytes waiting. Bytes that no request
   * asked for, such as an extra response or a body longer than its length, would otherwise be read
   * as the next request's response.
   */
  private static boolean isQuiet(HttpConnection connection) {
    if (connection.isClosed()) {
      return false;
    }
    try {
      return connection.in().available() == 0;
    } catch (IOException e) {
      return false;
    }
  }
}
