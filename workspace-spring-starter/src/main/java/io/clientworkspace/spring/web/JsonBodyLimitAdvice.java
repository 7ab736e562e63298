package io.clientworkspace.spring.web;

import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.RequestBodyAdviceAdapter;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Type;

/**
 * Bounds the JSON bodies the kit's controllers (every controller of this package) read
 * ({@code @RequestBody}): a body whose declared
 * {@code Content-Length} is over the limit is refused before a byte is read, and a body without one
 * (chunked) is read up to the limit and refused as soon as it goes over, so that no request makes the
 * server hold more than the limit. A refusal is the API's 413 {@code payload-too-large} problem with
 * {@code maxSize}. File uploads are raw bodies or multipart parts, never {@code @RequestBody}: this does
 * not touch them.
 */
@ControllerAdvice(basePackageClasses = JsonBodyLimitAdvice.class)
public final class JsonBodyLimitAdvice extends RequestBodyAdviceAdapter {

    private final long maxBytes;

    /** @param maxBytes the largest body read, in bytes (at least 1) */
    public JsonBodyLimitAdvice(long maxBytes) {
        if (maxBytes < 1) {
            throw new IllegalArgumentException("maxBytes must be at least 1, was " + maxBytes);
        }
        this.maxBytes = maxBytes;
    }

    @Override
    public boolean supports(MethodParameter parameter, Type targetType,
                            Class<? extends HttpMessageConverter<?>> converterType) {
        return true;
    }

    @Override
    public HttpInputMessage beforeBodyRead(HttpInputMessage message, MethodParameter parameter, Type targetType,
                                           Class<? extends HttpMessageConverter<?>> converterType) throws IOException {
        if (message.getHeaders().getContentLength() > maxBytes) {
            throw new Inputs.PayloadTooLargeException(maxBytes, "The JSON request body");
        }
        byte[] body;
        try (InputStream in = message.getBody()) {
            body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
        }
        if (body.length > maxBytes) {
            throw new Inputs.PayloadTooLargeException(maxBytes, "The JSON request body");
        }
        HttpHeaders headers = message.getHeaders();
        return new HttpInputMessage() {
            @Override
            public InputStream getBody() {
                return new ByteArrayInputStream(body);
            }

            @Override
            public HttpHeaders getHeaders() {
                return headers;
            }
        };
    }
}
