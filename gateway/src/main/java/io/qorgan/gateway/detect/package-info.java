/** Detection: finds personal data in text with validated recognizers and reports typed findings with offsets into the original text. */
package io.qorgan.gateway.detect;
