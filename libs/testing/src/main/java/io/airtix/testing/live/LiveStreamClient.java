package io.airtix.testing.live;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Reads the live service's Server-Sent Events the way a browser's EventSource does, line by line as
 * they arrive, on a thread of its own.
 */
public final class LiveStreamClient extends LiveClient {

  private final HttpResponse<InputStream> response;
  private final Thread reader;

  private LiveStreamClient(HttpResponse<InputStream> response) {
    this.response = response;
    this.reader = new Thread(this::read, "live-stream-reader");
    reader.setDaemon(true);
  }

  /**
   * Opens a stream; the answer's status is {@link #status()}, and a refusal's problem its {@link
   * #body()}.
   */
  public static LiveStreamClient open(URI stream, Map<String, String> headers) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(stream).header("Accept", "text/event-stream").GET();
    headers.forEach(request::header);
    try {
      HttpResponse<InputStream> response =
          HttpClient.newHttpClient()
              .send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
      LiveStreamClient client = new LiveStreamClient(response);
      if (response.statusCode() == 200) {
        client.reader.start();
      }
      return client;
    } catch (IOException failed) {
      throw new UncheckedIOException(failed);
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(interrupted);
    }
  }

  public int status() {
    return response.statusCode();
  }

  public HttpResponse<InputStream> response() {
    return response;
  }

  /** The whole body of an answer that is no stream (a problem). */
  public String body() {
    try (InputStream body = response.body()) {
      return new String(body.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException failed) {
      throw new UncheckedIOException(failed);
    }
  }

  private void read() {
    try (BufferedReader lines =
        new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
      StringBuilder data = new StringBuilder();
      String line;
      while ((line = lines.readLine()) != null) {
        if (line.isEmpty()) {
          if (!data.isEmpty()) {
            received(Received.parse(data.toString()));
            data.setLength(0);
          }
        } else if (line.startsWith("data:")) {
          data.append(line.substring(line.startsWith("data: ") ? 6 : 5));
        }
      }
    } catch (IOException closed) {
      // the connection ended; what came before is kept
    } finally {
      ended();
    }
  }

  @Override
  public void close() {
    CompletableFuture.runAsync(
        () -> {
          try {
            response.body().close();
          } catch (IOException ignored) {
            // closing a stream that already broke
          }
        });
    reader.interrupt();
  }
}
