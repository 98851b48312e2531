package io.airtix.gateway.edge;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpObject;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.netty.util.ReferenceCountUtil;
import java.net.URI;
import java.net.URISyntaxException;
import org.springframework.boot.reactor.netty.NettyReactiveWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import reactor.netty.NettyPipeline;

/**
 * Answers what Reactor Netty refuses before the application sees it — a request line or headers too
 * long, a request that does not parse, an address that is no URI (bad percent-encoding, a character
 * paths may not hold) — as problem+json with the gateway's headers, where Netty and Spring would
 * answer an empty 400, 414 or 431.
 */
@Component
class MalformedRequests implements WebServerFactoryCustomizer<NettyReactiveWebServerFactory> {

  @Override
  public void customize(NettyReactiveWebServerFactory factory) {
    factory.addServerCustomizers(
        server ->
            server.doOnChannelInit(
                (observer, channel, address) -> {
                  if (channel.pipeline().get(NettyPipeline.HttpCodec) != null) {
                    channel
                        .pipeline()
                        .addAfter(NettyPipeline.HttpCodec, "airtixMalformed", new Refusal());
                  }
                }));
  }

  /** Sits right after Netty's HTTP decoder. */
  static final class Refusal extends ChannelInboundHandlerAdapter {

    @Override
    public void channelRead(ChannelHandlerContext context, Object message) {
      HttpResponseStatus status = refused(message);
      if (status == null) {
        context.fireChannelRead(message);
        return;
      }
      ReferenceCountUtil.release(message);
      Problem problem = Problem.of(HttpStatus.valueOf(status.code()), detail(status));
      byte[] body = problem.json();
      FullHttpResponse response =
          new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status, Unpooled.wrappedBuffer(body));
      response
          .headers()
          .set(HttpHeaderNames.CONTENT_TYPE, Problem.MEDIA_TYPE)
          .setInt(HttpHeaderNames.CONTENT_LENGTH, body.length)
          .set(HttpHeaderNames.CONNECTION, "close")
          .set("X-Content-Type-Options", "nosniff")
          .set("Content-Security-Policy", SecurityHeaders.CONTENT_SECURITY_POLICY);
      context.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
    }

    private static HttpResponseStatus refused(Object message) {
      if (message instanceof HttpObject object && object.decoderResult().isFailure()) {
        Throwable cause = object.decoderResult().cause();
        if (cause instanceof TooLongHttpLineException) {
          return HttpResponseStatus.REQUEST_URI_TOO_LONG;
        }
        if (cause instanceof TooLongHttpHeaderException || cause instanceof TooLongFrameException) {
          return HttpResponseStatus.REQUEST_HEADER_FIELDS_TOO_LARGE;
        }
        return HttpResponseStatus.BAD_REQUEST;
      }
      if (message instanceof HttpRequest request && !isUri(request.uri())) {
        return HttpResponseStatus.BAD_REQUEST;
      }
      return null;
    }

    private static boolean isUri(String target) {
      try {
        new URI(target);
        return true;
      } catch (URISyntaxException e) {
        return false;
      }
    }

    private static String detail(HttpResponseStatus status) {
      return switch (status.code()) {
        case 414 -> "The request's address is too long.";
        case 431 -> "The request's headers are too large.";
        default -> "The request could not be read: its address or request line is malformed.";
      };
    }
  }
}
