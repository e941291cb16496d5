package dev.callx.sandbox;

/** Ends a request early with an error response already in the platform's shape. */
final class ApiException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient Response response;

    ApiException(Response response) {
        super("HTTP " + response.status(), null, false, false);
        this.response = response;
    }

    Response response() {
        return response;
    }
}
