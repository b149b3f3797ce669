/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "pf-pii.h"

/* No detector recognises anything longer: an e-mail address is at most 254
 * bytes (RFC 5321 path limit less the brackets). */
#define MAX_VALUE_LENGTH 254

#define IS_DIGIT(c) ((guint) ((guchar) (c) - '0') < 10u)
#define IS_ALPHA(c) ((guint) (((guchar) (c) | 0x20) - 'a') < 26u)
#define IS_ALNUM(c) (IS_DIGIT (c) || IS_ALPHA (c))
#define IS_HEX(c)   (IS_DIGIT (c) || (guint) (((guchar) (c) | 0x20) - 'a') < 6u)
#define IS_SPACE(c) ((c) == ' ' || (c) == '\t' || (c) == '\r' || (c) == '\n')

static inline void
trim (const char **value,
      gsize       *length)
{
  const char *p = *value;
  gsize n = *length;

  while (n > 0 && IS_SPACE (p[0]))
    p++, n--;
  while (n > 0 && IS_SPACE (p[n - 1]))
    n--;

  *value = p;
  *length = n;
}

/* E-mail ---------------------------------------------------------------- */

static inline gboolean
is_atext (guchar c)
{
  if (IS_ALNUM (c))
    return TRUE;

  switch (c)
    {
    case '!': case '#': case '$': case '%': case '&': case '\'': case '*':
    case '+': case '-': case '/': case '=': case '?': case '^': case '_':
    case '`': case '{': case '|': case '}': case '~':
      return TRUE;
    default:
      return FALSE;
    }
}

static gboolean
email_core (const char *p,
            gsize       n)
{
  const char *at;
  gsize local, i, label_start, n_labels = 0;

  if (n < 6 || n > MAX_VALUE_LENGTH)
    return FALSE;

  at = memchr (p, '@', n);
  if (at == NULL)
    return FALSE;
  local = at - p;
  if (local == 0 || local > 64)
    return FALSE;

  for (i = 0; i < local; i++)
    {
      if (p[i] == '.')
        {
          if (i == 0 || i == local - 1 || p[i - 1] == '.')
            return FALSE;
        }
      else if (!is_atext (p[i]))
        return FALSE;
    }

  label_start = local + 1;
  for (i = label_start; i <= n; i++)
    {
      if (i == n || p[i] == '.')
        {
          gsize len = i - label_start;

          if (len == 0 || len > 63
              || p[label_start] == '-' || p[i - 1] == '-')
            return FALSE;
          n_labels++;
          if (i == n)
            break;
          label_start = i + 1;
        }
      else if (!IS_ALNUM (p[i]) && p[i] != '-')
        return FALSE;
    }

  if (n_labels < 2)
    return FALSE;

  /* The top-level domain: letters, or an IDNA "xn--" label. */
  {
    gsize len = n - label_start;
    const char *tld = p + label_start;

    if (len >= 5 && g_ascii_strncasecmp (tld, "xn--", 4) == 0)
      return TRUE;
    if (len < 2)
      return FALSE;
    for (i = 0; i < len; i++)
      if (!IS_ALPHA (tld[i]))
        return FALSE;
  }

  return TRUE;
}

/* Phone ----------------------------------------------------------------- */

enum { PREV_NONE, PREV_DIGIT, PREV_SEP, PREV_OPEN, PREV_CLOSE };

static inline gboolean
is_date_shape (const guint8 *g)
{
  return (g[0] == 4 && g[1] <= 2 && g[2] <= 2)
         || (g[0] <= 2 && g[1] <= 2 && g[2] == 4);
}

static gboolean
phone_core (const char *p,
            gsize       n)
{
  guint8 groups[16];
  guint n_groups = 0, digits = 0, cur = 0, n_seps = 0;
  gboolean plus = FALSE, paren_open = FALSE, has_paren = FALSE;
  gboolean dots_only = TRUE;
  int prev = PREV_NONE;
  char first_digit = 0;
  gsize i = 0;

  /* 15 digits, 14 separators, "+" and two parentheses at most. */
  if (n < 7 || n > 32)
    return FALSE;

  if (p[0] == '+')
    {
      plus = TRUE;
      i = 1;
    }

  for (; i < n; i++)
    {
      char c = p[i];

      if (IS_DIGIT (c))
        {
          if (++digits > 15)
            return FALSE;
          if (first_digit == 0)
            first_digit = c;
          cur++;
          prev = PREV_DIGIT;
        }
      else if (c == '(')
        {
          if (has_paren || prev == PREV_DIGIT)
            return FALSE;
          paren_open = TRUE;
          has_paren = TRUE;
          prev = PREV_OPEN;
        }
      else if (c == ')')
        {
          if (!paren_open || prev != PREV_DIGIT || cur > 5)
            return FALSE;
          groups[n_groups++] = cur;
          cur = 0;
          paren_open = FALSE;
          prev = PREV_CLOSE;
        }
      else if (c == ' ' || c == '-' || c == '.' || c == '/')
        {
          if (paren_open)
            return FALSE;
          if (prev == PREV_DIGIT)
            {
              groups[n_groups++] = cur;
              cur = 0;
            }
          else if (prev != PREV_CLOSE || (c != ' ' && c != '-'))
            return FALSE;
          if (c != '.')
            dots_only = FALSE;
          n_seps++;
          prev = PREV_SEP;
        }
      else
        return FALSE;
    }

  if (prev != PREV_DIGIT || digits < 7)
    return FALSE;
  groups[n_groups++] = cur;

  if (!plus && !has_paren)
    {
      /* Decimals, dates and dotted quads are not phone numbers. */
      if (n_groups == 2 && dots_only)
        return FALSE;
      if (n_groups == 3 && is_date_shape (groups))
        return FALSE;
      if (n_groups == 4 && dots_only
          && groups[0] <= 3 && groups[1] <= 3 && groups[2] <= 3 && groups[3] <= 3)
        return FALSE;
    }

  if (plus)
    return first_digit != '0' && (n_seps > 0 || has_paren || digits >= 9);

  if (p[0] == '(')
    return TRUE;

  if (p[0] == '0')
    {
      if (p[1] == '0')
        return IS_DIGIT (p[2]) && p[2] != '0' && digits >= 9;
      if (IS_DIGIT (p[1]))
        return digits >= ((n_seps > 0 || has_paren) ? 7u : 9u);
      return FALSE;
    }

  /* North American numbers are written without a trunk prefix. */
  if (n_groups == 3 && groups[0] == 3 && groups[1] == 3 && groups[2] == 4)
    return TRUE;
  if (n_groups == 4 && p[0] == '1' && groups[0] == 1
      && groups[1] == 3 && groups[2] == 3 && groups[3] == 4)
    return TRUE;

  return FALSE;
}

/* IBAN ------------------------------------------------------------------ */

typedef struct
{
  char   code[3];
  guint8 length;
  guint8 numeric;  /* the BBAN is digits only */
} IbanCountry;

/* The SWIFT IBAN registry (2024), sorted by country code, and the codes of
 * territories that use their country's format (Åland Islands as Finland;
 * the French overseas departments and collectivities as France; Guernsey,
 * Jersey and the Isle of Man as the United Kingdom), which banks accept. */
static const IbanCountry iban_countries[] = {
  { "AD", 24, 0 }, { "AE", 23, 1 }, { "AL", 28, 0 }, { "AT", 20, 1 },
  { "AX", 18, 1 }, { "AZ", 28, 0 }, { "BA", 20, 1 }, { "BE", 16, 1 },
  { "BG", 22, 0 }, { "BH", 22, 0 }, { "BI", 27, 1 }, { "BL", 27, 0 },
  { "BR", 29, 0 }, { "BY", 28, 0 }, { "CH", 21, 0 }, { "CR", 22, 1 },
  { "CY", 28, 0 }, { "CZ", 24, 1 }, { "DE", 22, 1 }, { "DJ", 27, 1 },
  { "DK", 18, 1 }, { "DO", 28, 0 }, { "EE", 20, 1 }, { "EG", 29, 1 },
  { "ES", 24, 1 }, { "FI", 18, 1 }, { "FK", 18, 0 }, { "FO", 18, 1 },
  { "FR", 27, 0 }, { "GB", 22, 0 }, { "GE", 22, 0 }, { "GF", 27, 0 },
  { "GG", 22, 0 }, { "GI", 23, 0 }, { "GL", 18, 1 }, { "GP", 27, 0 },
  { "GR", 27, 0 }, { "GT", 28, 0 }, { "HN", 28, 0 }, { "HR", 21, 1 },
  { "HU", 28, 1 }, { "IE", 22, 0 }, { "IL", 23, 1 }, { "IM", 22, 0 },
  { "IQ", 23, 0 }, { "IS", 26, 1 }, { "IT", 27, 0 }, { "JE", 22, 0 },
  { "JO", 30, 0 }, { "KW", 30, 0 }, { "KZ", 20, 0 }, { "LB", 28, 0 },
  { "LC", 32, 0 }, { "LI", 21, 0 }, { "LT", 20, 1 }, { "LU", 20, 0 },
  { "LV", 21, 0 }, { "LY", 25, 1 }, { "MC", 27, 0 }, { "MD", 24, 0 },
  { "ME", 22, 1 }, { "MF", 27, 0 }, { "MK", 19, 0 }, { "MN", 20, 1 },
  { "MQ", 27, 0 }, { "MR", 27, 1 }, { "MT", 31, 0 }, { "MU", 30, 0 },
  { "NC", 27, 0 }, { "NI", 28, 0 }, { "NL", 18, 0 }, { "NO", 15, 1 },
  { "OM", 23, 0 }, { "PF", 27, 0 }, { "PK", 24, 0 }, { "PL", 28, 1 },
  { "PM", 27, 0 }, { "PS", 29, 0 }, { "PT", 25, 1 }, { "QA", 29, 0 },
  { "RE", 27, 0 }, { "RO", 24, 0 }, { "RS", 22, 1 }, { "RU", 33, 0 },
  { "SA", 24, 0 }, { "SC", 31, 0 }, { "SD", 18, 1 }, { "SE", 24, 1 },
  { "SI", 19, 1 }, { "SK", 24, 1 }, { "SM", 27, 0 }, { "SO", 23, 1 },
  { "ST", 25, 1 }, { "SV", 28, 0 }, { "TF", 27, 0 }, { "TL", 23, 1 },
  { "TN", 24, 1 }, { "TR", 26, 0 }, { "UA", 29, 0 }, { "VA", 22, 0 },
  { "VG", 24, 0 }, { "WF", 27, 0 }, { "XK", 20, 1 }, { "YE", 30, 0 },
  { "YT", 27, 0 },
};

#define IBAN_MIN_LENGTH 15
#define IBAN_MAX_LENGTH 34

static const IbanCountry *
iban_country (char c0,
              char c1)
{
  gsize lo = 0, hi = G_N_ELEMENTS (iban_countries);

  while (lo < hi)
    {
      gsize mid = (lo + hi) / 2;
      const IbanCountry *country = &iban_countries[mid];
      int cmp = c0 != country->code[0] ? c0 - country->code[0] : c1 - country->code[1];

      if (cmp == 0)
        return country;
      if (cmp < 0)
        hi = mid;
      else
        lo = mid + 1;
    }

  return NULL;
}

static gboolean
iban_core (const char *p,
           gsize       n)
{
  char iban[IBAN_MAX_LENGTH];
  const IbanCountry *country;
  gboolean spaced;
  gsize i, k = 0;
  guint64 r = 0;

  /* Fast rejection on the first four bytes: two letters, two digits. */
  if (n < IBAN_MIN_LENGTH || n > IBAN_MAX_LENGTH + (IBAN_MAX_LENGTH - 1) / 4
      || !IS_ALPHA (p[0]) || !IS_ALPHA (p[1]) || !IS_DIGIT (p[2]) || !IS_DIGIT (p[3]))
    return FALSE;

  /* The print form has a single space after every group of four. */
  spaced = p[4] == ' ';
  for (i = 0; i < n; i++)
    {
      if (spaced && i % 5 == 4)
        {
          if (p[i] != ' ')
            return FALSE;
          continue;
        }
      if (!IS_ALNUM (p[i]) || k == IBAN_MAX_LENGTH)
        return FALSE;
      iban[k++] = IS_ALPHA (p[i]) ? p[i] & ~0x20 : p[i];
    }

  country = iban_country (iban[0], iban[1]);
  if (country == NULL || k != country->length)
    return FALSE;

  /* Check digits are 02–98; 00, 01 and 99 never come out of the
   * computation although 99 passes the modulus like 02. */
  if ((iban[2] == '0' && iban[3] <= '1') || (iban[2] == '9' && iban[3] == '9'))
    return FALSE;

  if (country->numeric)
    for (i = 4; i < k; i++)
      if (!IS_DIGIT (iban[i]))
        return FALSE;

  /* Move the first four characters to the end, letters count 10–35;
   * reduce modulo 97 only when the sum grows large. */
  for (i = 4; i < k + 4; i++)
    {
      char c = iban[i < k ? i : i - k];

      if (IS_DIGIT (c))
        r = r * 10 + (c - '0');
      else
        r = r * 100 + (c - 'A' + 10);
      if (r >= G_GUINT64_CONSTANT (1) << 56)
        r %= 97;
    }

  return r % 97 == 1;
}

/* Payment card ---------------------------------------------------------- */

static gboolean
card_issuer_accepts (const char *d,
                     guint       n)
{
  guint p2 = (d[0] - '0') * 10 + (d[1] - '0');
  guint p3 = p2 * 10 + (d[2] - '0');
  guint p4 = p3 * 10 + (d[3] - '0');

  switch (d[0])
    {
    case '2':
      return p4 >= 2221 && p4 <= 2720 && n == 16;  /* Mastercard */

    case '3':
      if (p2 == 34 || p2 == 37)
        return n == 15;  /* American Express */
      if ((p3 >= 300 && p3 <= 305) || p2 == 36 || p2 == 38)
        return n >= 14;  /* Diners Club */
      if (p4 >= 3528 && p4 <= 3589)
        return n >= 16;  /* JCB */
      return FALSE;

    case '4':
      return n == 13 || n == 16 || n == 19;  /* Visa */

    case '5':
      if (p2 >= 51 && p2 <= 55)
        return n == 16;  /* Mastercard */
      if (p4 == 5018 || p4 == 5020 || p4 == 5038 || p4 == 5893)
        return TRUE;  /* Maestro */
      return FALSE;

    case '6':
      if (p4 == 6011 || (p3 >= 644 && p3 <= 649) || p2 == 65)
        return n >= 16;  /* Discover */
      if (p2 == 62)
        return n >= 16;  /* UnionPay */
      if (p4 == 6304 || p4 == 6759 || (p4 >= 6761 && p4 <= 6763))
        return TRUE;  /* Maestro */
      return FALSE;

    default:
      return FALSE;
    }
}

static gboolean
card_core (const char *p,
           gsize       n)
{
  char d[19];
  guint k = 0, sum = 0, i;
  char sep = 0;
  gsize j;

  if (n < 13 || n > 19 + 18 || !IS_DIGIT (p[0]) || !IS_DIGIT (p[n - 1]))
    return FALSE;

  for (j = 0; j < n; j++)
    {
      char c = p[j];

      if (IS_DIGIT (c))
        {
          if (k == 19)
            return FALSE;
          d[k++] = c;
        }
      else if (c == ' ' || c == '-')
        {
          /* One kind of separator, never two in a row. */
          if ((sep != 0 && c != sep) || !IS_DIGIT (p[j - 1]))
            return FALSE;
          sep = c;
        }
      else
        return FALSE;
    }

  if (k < 13 || !card_issuer_accepts (d, k))
    return FALSE;

  /* Luhn: double every second digit from the right. */
  for (i = 0; i < k; i++)
    {
      guint v = d[k - 1 - i] - '0';

      if (i % 2 == 1)
        {
          v *= 2;
          if (v > 9)
            v -= 9;
        }
      sum += v;
    }

  return sum % 10 == 0;
}

/* IP -------------------------------------------------------------------- */

static gboolean
ipv4_core (const char *p,
           gsize       n)
{
  guint parts = 0;
  gsize i = 0;

  if (n < 7 || n > 15)
    return FALSE;

  while (parts < 4)
    {
      gsize start = i;
      guint v = 0;

      while (i < n && IS_DIGIT (p[i]) && i - start < 3)
        v = v * 10 + (p[i++] - '0');
      if (i == start || v > 255 || (p[start] == '0' && i - start > 1))
        return FALSE;
      parts++;
      if (parts == 4)
        break;
      if (i == n || p[i] != '.')
        return FALSE;
      i++;
    }

  return i == n;
}

static gboolean
ipv6_core (const char *p,
           gsize       n)
{
  guint groups = 0;
  gboolean compressed = FALSE;
  gsize i = 0;

  if (n < 2 || n > 45)
    return FALSE;

  if (p[0] == ':')
    {
      if (p[1] != ':')
        return FALSE;
      compressed = TRUE;
      i = 2;
    }

  while (i < n)
    {
      gsize start = i;

      while (i < n && IS_HEX (p[i]))
        i++;

      if (i < n && p[i] == '.')
        {
          /* An IPv4 tail stands for the last two groups. */
          if (!ipv4_core (p + start, n - start))
            return FALSE;
          groups += 2;
          break;
        }

      if (i == start || i - start > 4)
        return FALSE;
      if (++groups > 8)
        return FALSE;
      if (i == n)
        break;
      if (p[i] != ':')
        return FALSE;
      i++;
      if (i < n && p[i] == ':')
        {
          if (compressed)
            return FALSE;
          compressed = TRUE;
          i++;
        }
      else if (i == n)
        return FALSE;
    }

  return compressed ? groups <= 7 : groups == 8;
}

static inline gboolean
ip_core (const char *p,
         gsize       n)
{
  return ipv4_core (p, n) || ipv6_core (p, n);
}

/* Values ---------------------------------------------------------------- */

guint
pf_pii_match_value (const char *value,
                    gsize       length)
{
  guint kinds = 0;
  char c;

  g_return_val_if_fail (value != NULL || length == 0, 0);

  trim (&value, &length);
  if (length == 0 || length > MAX_VALUE_LENGTH)
    return 0;

  /* Only an e-mail address holds an "@". */
  if (memchr (value, '@', length) != NULL)
    return email_core (value, length) ? 1u << PF_PII_EMAIL : 0;

  c = value[0];
  if (IS_DIGIT (c))
    {
      gsize i = 1;

      /* What follows the leading digits decides which kinds are possible:
       * plain integers, decimals and dates are the bulk of most files. */
      while (i < length && IS_DIGIT (value[i]))
        i++;

      if (i == length)
        {
          if (c == '0' && phone_core (value, length))
            kinds |= 1u << PF_PII_PHONE;
          if (card_core (value, length))
            kinds |= 1u << PF_PII_CARD;
          return kinds;
        }

      switch (value[i])
        {
        case ' ':
        case '-':
          if (card_core (value, length))
            kinds |= 1u << PF_PII_CARD;
          G_GNUC_FALLTHROUGH;
        case '/':
          if (phone_core (value, length))
            kinds |= 1u << PF_PII_PHONE;
          break;

        case '.':
          if (phone_core (value, length))
            kinds |= 1u << PF_PII_PHONE;
          if (ipv4_core (value, length))
            kinds |= 1u << PF_PII_IP;
          break;

        case ':':
        case 'a': case 'b': case 'c': case 'd': case 'e': case 'f':
        case 'A': case 'B': case 'C': case 'D': case 'E': case 'F':
          if (ipv6_core (value, length))
            kinds |= 1u << PF_PII_IP;
          break;

        default:
          break;
        }
    }
  else if (c == '+' || c == '(')
    {
      if (phone_core (value, length))
        kinds |= 1u << PF_PII_PHONE;
    }
  else if (IS_ALPHA (c))
    {
      if (iban_core (value, length))
        kinds |= 1u << PF_PII_IBAN;
      else if (IS_HEX (c) && ipv6_core (value, length))
        kinds |= 1u << PF_PII_IP;
    }
  else if (c == ':')
    {
      if (ipv6_core (value, length))
        kinds |= 1u << PF_PII_IP;
    }

  return kinds;
}

gboolean
pf_pii_is_email (const char *value,
                 gsize       length)
{
  g_return_val_if_fail (value != NULL || length == 0, FALSE);

  trim (&value, &length);
  return email_core (value, length);
}

gboolean
pf_pii_is_phone (const char *value,
                 gsize       length)
{
  g_return_val_if_fail (value != NULL || length == 0, FALSE);

  trim (&value, &length);
  return phone_core (value, length);
}

gboolean
pf_pii_is_iban (const char *value,
                gsize       length)
{
  g_return_val_if_fail (value != NULL || length == 0, FALSE);

  trim (&value, &length);
  return iban_core (value, length);
}

gboolean
pf_pii_is_card (const char *value,
                gsize       length)
{
  g_return_val_if_fail (value != NULL || length == 0, FALSE);

  trim (&value, &length);
  return card_core (value, length);
}

gboolean
pf_pii_is_ip (const char *value,
              gsize       length)
{
  g_return_val_if_fail (value != NULL || length == 0, FALSE);

  trim (&value, &length);
  return ip_core (value, length);
}

const char *
pf_pii_value_kind_id (PfPiiValueKind kind)
{
  switch (kind)
    {
    case PF_PII_EMAIL:
      return "email";
    case PF_PII_PHONE:
      return "phone";
    case PF_PII_IBAN:
      return "iban";
    case PF_PII_CARD:
      return "card";
    case PF_PII_IP:
      return "ip";
    case PF_PII_N_VALUE_KINDS:
    default:
      g_return_val_if_reached (NULL);
    }
}

const char *
pf_pii_value_kind_describe (PfPiiValueKind kind)
{
  switch (kind)
    {
    case PF_PII_EMAIL:
      return _("E-mail addresses");
    case PF_PII_PHONE:
      return _("Phone numbers");
    case PF_PII_IBAN:
      /* Translators: International Bank Account Numbers */
      return _("IBANs");
    case PF_PII_CARD:
      return _("Payment card numbers");
    case PF_PII_IP:
      return _("IP addresses");
    case PF_PII_N_VALUE_KINDS:
    default:
      g_return_val_if_reached (NULL);
    }
}

/* Column names ---------------------------------------------------------- */

#define MAX_WORDS 32
#define MAX_WORD  32

typedef struct
{
  guint n;
  char  w[MAX_WORDS][MAX_WORD];
} Words;

enum { UNIT_SEP, UNIT_LOWER, UNIT_UPPER, UNIT_DIGIT, UNIT_OTHER, UNIT_SHARP_S };

typedef struct
{
  int   cls;
  char  out[2];
  guint n_out;
  guint size;
} Unit;

/* One character of a name: ASCII, a German umlaut or ß folded to ASCII,
 * or a byte of some other non-ASCII character kept as it is. */
static Unit
unit_at (const char *s)
{
  guchar c = s[0];
  Unit u = { UNIT_SEP, { 0, 0 }, 0, 1 };

  if (c == 0)
    {
      u.size = 0;
      return u;
    }

  if (c == 0xc3)
    {
      static const struct { guchar byte; int cls; char out[2]; } folds[] = {
        { 0xa4, UNIT_LOWER, { 'a', 'e' } }, { 0xb6, UNIT_LOWER, { 'o', 'e' } },
        { 0xbc, UNIT_LOWER, { 'u', 'e' } }, { 0x9f, UNIT_SHARP_S, { 's', 's' } },
        { 0x84, UNIT_UPPER, { 'a', 'e' } }, { 0x96, UNIT_UPPER, { 'o', 'e' } },
        { 0x9c, UNIT_UPPER, { 'u', 'e' } },
      };

      for (guint i = 0; i < G_N_ELEMENTS (folds); i++)
        if ((guchar) s[1] == folds[i].byte)
          {
            u.cls = folds[i].cls;
            u.out[0] = folds[i].out[0];
            u.out[1] = folds[i].out[1];
            u.n_out = 2;
            u.size = 2;
            return u;
          }
    }

  if (c >= 0x80)
    {
      u.cls = UNIT_OTHER;
      u.out[0] = c;
      u.n_out = 1;
    }
  else if (IS_DIGIT (c))
    {
      u.cls = UNIT_DIGIT;
      u.out[0] = c;
      u.n_out = 1;
    }
  else if (c >= 'a' && c <= 'z')
    {
      u.cls = UNIT_LOWER;
      u.out[0] = c;
      u.n_out = 1;
    }
  else if (c >= 'A' && c <= 'Z')
    {
      u.cls = UNIT_UPPER;
      u.out[0] = c + ('a' - 'A');
      u.n_out = 1;
    }

  return u;
}

static void
split_words (const char *name,
             Words      *words)
{
  const char *s = name;
  guint len = 0, upper_run = 0;
  int prev = UNIT_SEP;

  words->n = 0;

  while (*s != 0 && words->n < MAX_WORDS)
    {
      Unit u = unit_at (s);
      gboolean boundary = FALSE;

      /* ß has no common capital: it takes the case around it, and
       * "STRAßE" is one word. */
      if (u.cls == UNIT_SHARP_S)
        u.cls = prev == UNIT_UPPER ? UNIT_UPPER : UNIT_LOWER;

      if (u.cls == UNIT_SEP)
        boundary = TRUE;
      else if (prev != UNIT_SEP)
        {
          if ((prev == UNIT_DIGIT) != (u.cls == UNIT_DIGIT))
            boundary = TRUE;
          else if (u.cls == UNIT_UPPER && (prev == UNIT_LOWER || prev == UNIT_OTHER))
            boundary = TRUE;
          else if (u.cls == UNIT_UPPER && upper_run >= 2
                   && unit_at (s + u.size).cls == UNIT_LOWER)
            boundary = TRUE;  /* "IPAddress": "ip" then "address", but "IPv4" stays "ipv" "4" */
        }

      upper_run = u.cls == UNIT_UPPER ? upper_run + 1 : 0;

      if (boundary && len > 0)
        {
          words->w[words->n][len] = 0;
          words->n++;
          len = 0;
          if (words->n == MAX_WORDS)
            break;
        }

      for (guint i = 0; i < u.n_out; i++)
        if (len < MAX_WORD - 1)
          words->w[words->n][len++] = u.out[i];

      prev = u.cls;
      s += u.size;
    }

  if (len > 0 && words->n < MAX_WORDS)
    {
      words->w[words->n][len] = 0;
      words->n++;
    }
}

static gboolean
is_number_word (const char *w)
{
  return IS_DIGIT (w[0]);
}

typedef struct
{
  const char *phrase;  /* words separated by single spaces */
  guint8      kind;    /* 0 consumes its words without matching */
  guint8      whole;   /* only as the whole name, apart from number words */
} Phrase;

/* The number of words of phrase that match at words->w[at], or 0. */
static guint
phrase_match (const Words  *words,
              guint         at,
              const Phrase *phrase)
{
  const char *p = phrase->phrase;
  guint i = at;

  if (phrase->whole && at != 0)
    return 0;

  while (*p != 0)
    {
      const char *end = strchr (p, ' ');
      gsize len = end != NULL ? (gsize) (end - p) : strlen (p);

      if (i >= words->n
          || strncmp (words->w[i], p, len) != 0
          || words->w[i][len] != 0)
        return 0;
      i++;
      p += len;
      if (*p == ' ')
        p++;
    }

  if (phrase->whole)
    for (guint j = i; j < words->n; j++)
      if (!is_number_word (words->w[j]))
        return 0;

  return i - at;
}

/* Reading from the left, the longest phrase at each word consumes it; the
 * first phrase of a kind other than 0 is the answer. */
static const Phrase *
find_phrase (const Words  *words,
             const Phrase *table,
             gsize         n_table)
{
  guint at = 0;

  while (at < words->n)
    {
      const Phrase *best = NULL;
      guint best_len = 0;

      for (gsize i = 0; i < n_table; i++)
        {
          guint len = phrase_match (words, at, &table[i]);

          if (len > best_len)
            {
              best = &table[i];
              best_len = len;
            }
        }

      if (best == NULL)
        at++;
      else if (best->kind != 0)
        return best;
      else
        at += best_len;
    }

  return NULL;
}

#define PERSON   PF_PII_NAME_PERSON_NAME
#define ADDRESS  PF_PII_NAME_ADDRESS
#define BIRTH    PF_PII_NAME_BIRTH_DATE
#define NATIONAL PF_PII_NAME_NATIONAL_ID
#define CONTACT  PF_PII_NAME_CONTACT

/* See pf-pii.h for the reasons. */
static const Phrase name_phrases[] = {
  /* Person names */
  { "name", PERSON, 1 }, { "names", PERSON, 1 },
  { "first name", PERSON, 0 }, { "firstname", PERSON, 0 },
  { "last name", PERSON, 0 }, { "lastname", PERSON, 0 },
  { "given name", PERSON, 0 }, { "givenname", PERSON, 0 },
  { "family name", PERSON, 0 }, { "familyname", PERSON, 0 },
  { "middle name", PERSON, 0 }, { "middlename", PERSON, 0 },
  { "maiden name", PERSON, 0 }, { "maidenname", PERSON, 0 },
  { "full name", PERSON, 0 }, { "fullname", PERSON, 0 },
  { "nick name", PERSON, 0 }, { "nickname", PERSON, 0 },
  { "surname", PERSON, 0 }, { "forename", PERSON, 0 },
  { "name first", PERSON, 0 }, { "name last", PERSON, 0 },
  { "name full", PERSON, 0 },
  { "vorname", PERSON, 0 }, { "nachname", PERSON, 0 },
  { "familienname", PERSON, 0 }, { "geburtsname", PERSON, 0 },
  { "customer name", PERSON, 0 }, { "client name", PERSON, 0 },
  { "patient name", PERSON, 0 }, { "person name", PERSON, 0 },
  { "contact name", PERSON, 0 }, { "employee name", PERSON, 0 },
  { "member name", PERSON, 0 }, { "holder name", PERSON, 0 },
  { "cardholder name", PERSON, 0 }, { "card holder name", PERSON, 0 },
  { "account holder", PERSON, 0 }, { "account holder name", PERSON, 0 },
  { "owner name", PERSON, 0 }, { "applicant name", PERSON, 0 },
  { "student name", PERSON, 0 }, { "passenger name", PERSON, 0 },
  { "guest name", PERSON, 0 }, { "recipient name", PERSON, 0 },
  { "sender name", PERSON, 0 }, { "beneficiary name", PERSON, 0 },
  { "spouse name", PERSON, 0 }, { "parent name", PERSON, 0 },
  { "mother name", PERSON, 0 }, { "father name", PERSON, 0 },
  { "guardian name", PERSON, 0 },
  { "kunde name", PERSON, 0 }, { "kunden name", PERSON, 0 },
  { "kundenname", PERSON, 0 }, { "patientenname", PERSON, 0 },
  /* Account handles are not names (see pf-pii.h) */
  { "user name", 0, 0 }, { "username", 0, 0 }, { "screen name", 0, 0 },
  { "login name", 0, 0 }, { "account name", 0, 0 },

  /* Addresses */
  { "address", ADDRESS, 0 }, { "addresses", ADDRESS, 0 },
  { "addr", ADDRESS, 0 }, { "address line", ADDRESS, 0 },
  { "adresse", ADDRESS, 0 }, { "anschrift", ADDRESS, 0 },
  { "street", ADDRESS, 0 }, { "strasse", ADDRESS, 0 },
  { "street address", ADDRESS, 0 },
  { "house number", ADDRESS, 0 }, { "housenumber", ADDRESS, 0 },
  { "hausnummer", ADDRESS, 0 }, { "haus nummer", ADDRESS, 0 },
  { "zip", ADDRESS, 0 }, { "zip code", ADDRESS, 0 }, { "zipcode", ADDRESS, 0 },
  { "postcode", ADDRESS, 0 }, { "post code", ADDRESS, 0 },
  { "postal code", ADDRESS, 0 }, { "postalcode", ADDRESS, 0 },
  { "plz", ADDRESS, 0 }, { "postleitzahl", ADDRESS, 0 },
  { "wohnort", ADDRESS, 0 }, { "wohnadresse", ADDRESS, 0 },
  { "zip file", 0, 0 }, { "mac address", 0, 0 }, { "web address", 0, 0 },

  /* Birth dates */
  { "birth date", BIRTH, 0 }, { "birthdate", BIRTH, 0 },
  { "date of birth", BIRTH, 0 }, { "dateofbirth", BIRTH, 0 },
  { "dob", BIRTH, 0 }, { "birthday", BIRTH, 0 }, { "birth day", BIRTH, 0 },
  { "birth dt", BIRTH, 0 }, { "birth year", BIRTH, 0 },
  { "birthyear", BIRTH, 0 }, { "year of birth", BIRTH, 0 },
  { "yob", BIRTH, 0 }, { "born", BIRTH, 0 },
  { "geburtsdatum", BIRTH, 0 }, { "geburtstag", BIRTH, 0 },
  { "geburtsjahr", BIRTH, 0 },
  { "geburts datum", BIRTH, 0 }, { "geburts tag", BIRTH, 0 },
  { "geburts jahr", BIRTH, 0 },

  /* National identifiers */
  { "ssn", NATIONAL, 0 }, { "social security", NATIONAL, 0 },
  { "social security number", NATIONAL, 0 },
  { "social insurance number", NATIONAL, 0 },
  { "national id", NATIONAL, 0 }, { "national identifier", NATIONAL, 0 },
  { "national identity number", NATIONAL, 0 },
  { "national insurance", NATIONAL, 0 },
  { "national insurance number", NATIONAL, 0 },
  { "nino", NATIONAL, 0 }, { "nin", NATIONAL, 0 },
  { "passport", NATIONAL, 0 }, { "passport number", NATIONAL, 0 },
  { "tax id", NATIONAL, 0 }, { "taxid", NATIONAL, 0 },
  { "tax number", NATIONAL, 0 }, { "tax identification number", NATIONAL, 0 },
  { "steuer id", NATIONAL, 0 }, { "steuerid", NATIONAL, 0 },
  { "steuernummer", NATIONAL, 0 }, { "steuer nummer", NATIONAL, 0 }, { "steueridentifikationsnummer", NATIONAL, 0 },
  { "personalausweis", NATIONAL, 0 }, { "personalausweisnummer", NATIONAL, 0 },
  { "ausweis", NATIONAL, 0 }, { "ausweisnummer", NATIONAL, 0 },
  { "ausweis nummer", NATIONAL, 0 },
  { "id card", NATIONAL, 0 }, { "idcard", NATIONAL, 0 },
  { "identity card", NATIONAL, 0 }, { "identity number", NATIONAL, 0 },
  { "insurance number", NATIONAL, 0 },
  { "health insurance number", NATIONAL, 0 },
  { "krankenversicherungsnummer", NATIONAL, 0 },
  { "sozialversicherungsnummer", NATIONAL, 0 },
  { "svnr", NATIONAL, 0 }, { "sv nummer", NATIONAL, 0 },
  { "driver license", NATIONAL, 0 }, { "drivers license", NATIONAL, 0 },
  { "driver licence", NATIONAL, 0 }, { "drivers licence", NATIONAL, 0 },
  { "driving license", NATIONAL, 0 }, { "driving licence", NATIONAL, 0 },
  { "fuehrerschein", NATIONAL, 0 },
  { "personnummer", NATIONAL, 0 }, { "bsn", NATIONAL, 0 },

  /* Contact details */
  { "email", CONTACT, 0 }, { "emails", CONTACT, 0 }, { "e mail", CONTACT, 0 },
  { "email address", CONTACT, 0 }, { "emailaddress", CONTACT, 0 },
  { "e mail address", CONTACT, 0 },
  { "mail address", CONTACT, 0 }, { "mail adresse", CONTACT, 0 },
  { "mail", CONTACT, 1 },
  { "phone", CONTACT, 0 }, { "phones", CONTACT, 0 },
  { "phone number", CONTACT, 0 }, { "phonenumber", CONTACT, 0 },
  { "telephone", CONTACT, 0 }, { "tel", CONTACT, 0 },
  { "telefon", CONTACT, 0 }, { "telefonnummer", CONTACT, 0 },
  { "telefon nummer", CONTACT, 0 },
  { "mobile", CONTACT, 1 }, { "mobile number", CONTACT, 0 },
  { "mobile phone", CONTACT, 0 }, { "mobile no", CONTACT, 0 },
  { "mobile nr", CONTACT, 0 },
  { "cell", CONTACT, 1 }, { "cellphone", CONTACT, 0 },
  { "cell phone", CONTACT, 0 }, { "cell number", CONTACT, 0 },
  { "handy", CONTACT, 1 }, { "handy nummer", CONTACT, 0 },
  { "handy nr", CONTACT, 0 },
  { "handynummer", CONTACT, 0 }, { "mobilnummer", CONTACT, 0 },
  { "fax", CONTACT, 0 }, { "faxnummer", CONTACT, 0 },
  { "ip", CONTACT, 0 }, { "ip address", CONTACT, 0 },
  { "ipaddress", CONTACT, 0 }, { "ip addr", CONTACT, 0 },
  { "ipv4", CONTACT, 0 }, { "ipv6", CONTACT, 0 },
  /* "IPv4" splits at the digit */
  { "ipv 4", CONTACT, 0 }, { "ipv 6", CONTACT, 0 },
};

/* Words that make a column describe personal data rather than hold it
 * ("email_verified", "num_phones", "address_type"); see pf-pii.h. */
static const char * const property_words[] = {
  "is", "has", "verified", "valid", "validated", "count", "cnt", "num",
  "sent", "opened", "clicked", "clicks", "calls", "bounced", "opt", "optin",
  "optout", "consent", "flag", "provided", "missing", "length", "len",
  "type", "status", "domain", "provider", "changed", "updated",
};

static gboolean
has_property_word (const Words *words)
{
  for (guint i = 0; i < words->n; i++)
    for (gsize j = 0; j < G_N_ELEMENTS (property_words); j++)
      if (strcmp (words->w[i], property_words[j]) == 0)
        return TRUE;

  return FALSE;
}

PfPiiNameKind
pf_pii_classify_column_name (const char *name)
{
  const Phrase *phrase;
  Words words;

  g_return_val_if_fail (name != NULL, PF_PII_NAME_NONE);

  split_words (name, &words);
  phrase = find_phrase (&words, name_phrases, G_N_ELEMENTS (name_phrases));

  if (phrase == NULL || has_property_word (&words))
    return PF_PII_NAME_NONE;

  return (PfPiiNameKind) phrase->kind;
}

const char *
pf_pii_name_kind_id (PfPiiNameKind kind)
{
  switch (kind)
    {
    case PF_PII_NAME_NONE:
      return "none";
    case PF_PII_NAME_PERSON_NAME:
      return "person-name";
    case PF_PII_NAME_ADDRESS:
      return "address";
    case PF_PII_NAME_BIRTH_DATE:
      return "birth-date";
    case PF_PII_NAME_NATIONAL_ID:
      return "national-id";
    case PF_PII_NAME_CONTACT:
      return "contact";
    case PF_PII_N_NAME_KINDS:
    default:
      g_return_val_if_reached (NULL);
    }
}

const char *
pf_pii_name_kind_describe (PfPiiNameKind kind)
{
  switch (kind)
    {
    case PF_PII_NAME_NONE:
      /* Translators: what a column's name says about personal data */
      return _("No personal data by name");
    case PF_PII_NAME_PERSON_NAME:
      return _("Names of persons");
    case PF_PII_NAME_ADDRESS:
      return _("Postal addresses");
    case PF_PII_NAME_BIRTH_DATE:
      return _("Birth dates");
    case PF_PII_NAME_NATIONAL_ID:
      /* Translators: social security, passport, tax or ID card numbers */
      return _("National identifiers");
    case PF_PII_NAME_CONTACT:
      /* Translators: e-mail addresses, phone and fax numbers, IP addresses */
      return _("Contact details");
    case PF_PII_N_NAME_KINDS:
    default:
      g_return_val_if_reached (NULL);
    }
}

/* Leakage by name ------------------------------------------------------- */

/* See pf-pii.h for the reasons. */
static const Phrase leak_phrases[] = {
  { "outcome", 1, 0 }, { "result", 1, 0 }, { "results", 1, 0 },
  { "label", 1, 0 }, { "target", 1, 0 },
  { "resolution", 1, 0 }, { "resolved", 1, 0 },
  { "converted", 1, 0 }, { "defaulted", 1, 0 },

  { "cancellation", 1, 0 }, { "cancelled", 1, 0 }, { "canceled", 1, 0 },
  { "closed", 1, 0 }, { "closure", 1, 0 },
  { "churned", 1, 0 }, { "churn date", 1, 0 }, { "since churn", 1, 0 },
  { "termination", 1, 0 }, { "terminated", 1, 0 },
  { "exit", 1, 0 }, { "exited", 1, 0 },
  { "end date", 1, 0 }, { "enddate", 1, 0 },
  { "discharge", 1, 0 }, { "discharged", 1, 0 },

  { "refund", 1, 0 }, { "refunded", 1, 0 }, { "refunds", 1, 0 },
  { "chargeback", 1, 0 }, { "chargebacks", 1, 0 }, { "charged back", 1, 0 },
  { "returned", 1, 0 }, { "settled", 1, 0 }, { "settlement", 1, 0 },
  { "paid", 1, 0 }, { "payout", 1, 0 },

  { "after", 1, 0 }, { "post", 1, 0 }, { "final", 1, 0 },
  { "actual", 1, 0 }, { "future", 1, 0 },
  { "post code", 0, 0 }, { "post box", 0, 0 }, { "post office", 0, 0 },
  { "post id", 0, 0 }, { "post count", 0, 0 }, { "post title", 0, 0 },
  { "post text", 0, 0 }, { "post type", 0, 0 },
};

const char *
pf_leak_post_event_hint (const char *column_name)
{
  const Phrase *phrase;
  Words words;

  g_return_val_if_fail (column_name != NULL, NULL);

  split_words (column_name, &words);
  phrase = find_phrase (&words, leak_phrases, G_N_ELEMENTS (leak_phrases));

  return phrase != NULL ? phrase->phrase : NULL;
}
