package io.airtix.platform.problem;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Reads no request body past its limit ({@link BodyLimitSettings}): a declared length over it is
 * answered 413 before a byte is read; a body without a declared length (chunked) is read until it
 * passes the limit, then reading stops with {@link BodyTooLargeException}, which the service's
 * problem handling answers 413 as well.
 */
public class BodyLimitFilter extends OncePerRequestFilter {

  private final BodyLimitSettings settings;
  private final ProblemWriter writer;

  public BodyLimitFilter(BodyLimitSettings settings, ProblemWriter writer) {
    this.settings = settings;
    this.writer = writer;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    long limit = settings.limitFor(request.getRequestURI());
    if (request.getContentLengthLong() > limit) {
      // the client may still be sending: the connection ends with this answer
      response.setHeader("Connection", "close");
      writer.write(tooLarge(limit), request, response);
      return;
    }
    chain.doFilter(new LimitedRequest(request, limit), response);
  }

  static ProblemDetail tooLarge(long limit) {
    return Problems.of(
        HttpStatus.CONTENT_TOO_LARGE,
        ProblemTypes.PAYLOAD_TOO_LARGE,
        "Payload too large",
        "The request body is larger than the " + limit + " bytes this address accepts.");
  }

  private static final class LimitedRequest extends HttpServletRequestWrapper {

    private final long limit;
    private ServletInputStream stream;

    LimitedRequest(HttpServletRequest request, long limit) {
      super(request);
      this.limit = limit;
    }

    @Override
    public ServletInputStream getInputStream() throws IOException {
      if (stream == null) {
        stream = new LimitedStream(super.getInputStream(), limit);
      }
      return stream;
    }

    @Override
    public BufferedReader getReader() throws IOException {
      String encoding = getCharacterEncoding();
      Charset charset = encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
      return new BufferedReader(new InputStreamReader(getInputStream(), charset));
    }
  }

  private static final class LimitedStream extends ServletInputStream {

    private final ServletInputStream body;
    private final long limit;
    private long read;

    LimitedStream(ServletInputStream body, long limit) {
      this.body = body;
      this.limit = limit;
    }

    @Override
    public int read() throws IOException {
      int next = body.read();
      if (next >= 0) {
        count(1);
      }
      return next;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      int count = body.read(buffer, offset, length);
      if (count > 0) {
        count(count);
      }
      return count;
    }

    private void count(int bytes) throws BodyTooLargeException {
      read += bytes;
      if (read > limit) {
        throw new BodyTooLargeException(limit);
      }
    }

    @Override
    public boolean isFinished() {
      return body.isFinished();
    }

    @Override
    public boolean isReady() {
      return body.isReady();
    }

    @Override
    public void setReadListener(ReadListener listener) {
      body.setReadListener(listener);
    }
  }
}
