package dev.callx.sandbox;

/** The endpoints of one platform, with that platform's auth rules and error shape. */
interface PlatformApi {

    /** Whether this path is one of the platform's endpoints. */
    boolean handles(String path);

    /** Whether the request carries the credentials this endpoint accepts. */
    boolean authorized(Request request);

    /** The 401 answer, in the platform's shape. */
    Response unauthorized();

    /** An error answer in the platform's shape. */
    Response error(int status, String message);

    /** The answer to an authorized GET; may throw {@link ApiException}. */
    Response handle(Request request);
}
