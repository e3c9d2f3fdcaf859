/*
 * The reference custom runtime of scripts/bench-runtime: the least a Lambda runtime can
 * do over libcurl. It answers every event with the same fixed 200 body, and sets its
 * fixed options once, so it is what our bootstrap's runtime loop is measured against.
 * Built twice: over Debian's shared libcurl (ref-dynamic) and over the minimal static
 * libcurl of scripts/build-c-libs (ref-static).
 */
#include <curl/curl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

static const char body[] = "{\"statusCode\":200,\"headers\":{\"content-type\":\"application/json\"},\"body\":\"{}\"}";

/* Keeps the Lambda-Runtime-Aws-Request-Id header's value. */
static size_t on_header(char *line, size_t size, size_t count, void *context) {
    size_t length = size * count;
    static const char name[] = "lambda-runtime-aws-request-id:";
    char *id = context;
    if (length > sizeof name - 1 && strncasecmp(line, name, sizeof name - 1) == 0) {
        size_t start = sizeof name - 1, end = length;
        while (start < end && line[start] == ' ') start++;
        while (end > start && (line[end - 1] == '\r' || line[end - 1] == '\n' || line[end - 1] == ' ')) end--;
        if (end - start < 128) {
            memcpy(id, line + start, end - start);
            id[end - start] = 0;
        }
    }
    return length;
}

static size_t discard(char *data, size_t size, size_t count, void *context) {
    (void)data;
    (void)context;
    return size * count;
}

int main(void) {
    const char *api = getenv("AWS_LAMBDA_RUNTIME_API");
    if (!api) return 2;
    char base[256], next[320], response[512], id[128];
    snprintf(base, sizeof base, "%s%s/2018-06-01/runtime", strstr(api, "://") ? "" : "http://", api);
    snprintf(next, sizeof next, "%s/invocation/next", base);
    curl_global_init(CURL_GLOBAL_DEFAULT);
    CURL *handle = curl_easy_init();
    struct curl_slist *headers = curl_slist_append(NULL, "Expect:");
    curl_easy_setopt(handle, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(handle, CURLOPT_TCP_NODELAY, 1L);
    curl_easy_setopt(handle, CURLOPT_HTTPHEADER, headers);
    curl_easy_setopt(handle, CURLOPT_HEADERFUNCTION, on_header);
    curl_easy_setopt(handle, CURLOPT_HEADERDATA, (void *)id);
    curl_easy_setopt(handle, CURLOPT_WRITEFUNCTION, discard);
    for (;;) {
        id[0] = 0;
        curl_easy_setopt(handle, CURLOPT_URL, next);
        curl_easy_setopt(handle, CURLOPT_HTTPGET, 1L);
        if (curl_easy_perform(handle) != CURLE_OK || !id[0]) return 1;
        snprintf(response, sizeof response, "%s/invocation/%s/response", base, id);
        curl_easy_setopt(handle, CURLOPT_URL, response);
        curl_easy_setopt(handle, CURLOPT_POSTFIELDSIZE, (long)(sizeof body - 1));
        curl_easy_setopt(handle, CURLOPT_POSTFIELDS, body);
        if (curl_easy_perform(handle) != CURLE_OK) return 1;
    }
}
