// A secure channel verifies each packet's MAC and each AEAD tag with a
// constant-time comparison, and rejects an all-zero shared secret: these
// check a message's integrity, not a credential (IntegrityNamePattern: an
// operand named like a MAC, tag or checksum, or an all-zero array, and none
// named like a credential). The same comparison of a password hash or of a
// key is still a credential check. With the option empty, every
// constant-time comparison is one.
// RUN: %check_logstream_tidy -std=c11 %s logstream-security-event-category %t -- -- -D_GNU_SOURCE
// RUN: %check_logstream_tidy -check-suffix=OFF -std=c11 %s logstream-security-event-category %t \
// RUN:   -config="{CheckOptions: {logstream-security-event-category.IntegrityNamePattern: ''}}" -- -- -D_GNU_SOURCE

#include <stddef.h>
#include <string.h>
#include <syslog.h>

int constant_time_memcmp(const void *a, const void *b, size_t n);
void compute_mac(unsigned char *out, const unsigned char *data, size_t len);
void fatal(const char *fmt, ...) __attribute__((noreturn));

struct packet {
  unsigned char *payload;
  size_t len;
  unsigned char mac[32];
};

struct channel {
  unsigned char recv_key[32];
  size_t mac_size;
};

int packet_verify(const struct channel *ch, const struct packet *pkt) {
  unsigned char expected_mac[32];
  compute_mac(expected_mac, pkt->payload, pkt->len);
  if (constant_time_memcmp(expected_mac, pkt->mac, ch->mac_size) != 0)
    // CHECK-MESSAGES-OFF: :[[@LINE-1]]:7: warning: security-critical 'constant_time_memcmp of a credential' (authn_login_fail)
    return -1;
  return 0;
}

int aead_open(unsigned char *buf, size_t len, const unsigned char *tag,
              size_t tag_len) {
  unsigned char computed[16];
  compute_mac(computed, buf, len);
  if (constant_time_memcmp(computed, tag, tag_len) != 0)
    // CHECK-MESSAGES-OFF: :[[@LINE-1]]:7: warning: security-critical 'constant_time_memcmp of a credential' (authn_login_fail)
    return -1;
  return 0;
}

void check_shared_secret(const unsigned char *shared, size_t len) {
  unsigned char zeroes[32] = {0};
  if (constant_time_memcmp(zeroes, shared, len) == 0)
    // CHECK-MESSAGES-OFF: :[[@LINE-1]]:7: warning: security-critical 'constant_time_memcmp of a credential' (authn_login_fail)
    fatal("bad shared secret");
}

// A stored password hash, and a pre-shared key: credential checks.
int check_password_hash(const unsigned char *stored_hash,
                        const unsigned char *computed, size_t len) {
  if (constant_time_memcmp(stored_hash, computed, len) != 0)
    // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: security-critical 'constant_time_memcmp of a credential' (authn_login_fail): the failure path returns at line [[@LINE+2]]
    // CHECK-MESSAGES-OFF: :[[@LINE-2]]:7: warning: security-critical 'constant_time_memcmp of a credential' (authn_login_fail)
    return -1;
  return 0;
}

// An operand named like a credential wins over one named like a tag.
int check_psk_tag(const unsigned char *secret, const unsigned char *tag,
                  size_t len) {
  if (constant_time_memcmp(secret, tag, len) != 0) {
    // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: security-critical 'constant_time_memcmp of a credential' (authn_login_fail): the failure path returns at line [[@LINE+5]]
    // CHECK-MESSAGES-OFF: :[[@LINE-2]]:7: warning: security-critical 'constant_time_memcmp of a credential' (authn_login_fail)
    syslog(LOG_WARNING, "pre-shared key mismatch");
    // CHECK-FIXES: syslog(LOG_AUTHPRIV | LOG_WARNING, "pre-shared key mismatch");
    // CHECK-FIXES-OFF: syslog(LOG_AUTHPRIV | LOG_WARNING, "pre-shared key mismatch");
    return -1;
  }
  return 0;
}
