/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <float.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pf-json.h"

/* 2^53: every integer up to this magnitude is exactly a double. */
#define MAX_SAFE_INTEGER     9007199254740992.0
#define MAX_SAFE_INTEGER_I64 G_GINT64_CONSTANT (9007199254740992)

/* Exact as doubles, so a product or quotient with one is correctly rounded. */
static const double powers_of_ten[] = {
  1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
  1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
};

static const char spaces[] = "                                                                ";

/* ------------------------------------------------------------------ numbers */

static void
append_uint64 (GString *out,
               guint64  value)
{
  char buf[24];
  char *p = buf + sizeof buf;

  do
    {
      *--p = (char) ('0' + value % 10);
      value /= 10;
    }
  while (value != 0);

  g_string_append_len (out, p, buf + sizeof buf - p);
}

static void
append_zeros (GString *out,
              int      count)
{
  for (; count > 0; count--)
    g_string_append_c (out, '0');
}

/* A decimal digits[0] . digits[1..n_digits) × 10^exponent, without trailing
 * zeros (n_digits ≥ 1). */
typedef struct
{
  char digits[24];
  int  n_digits;
  int  exponent;
} Decimal;

static void
decimal_trim (Decimal *dec)
{
  while (dec->n_digits > 1 && dec->digits[dec->n_digits - 1] == '0')
    dec->n_digits--;
}

/* The correctly rounded @precision-digit decimal nearest to @value (> 0).
 * Only digits and the exponent are read back, so the locale's decimal
 * separator does not matter. */
static void
decimal_from_printf (double   value,
                     int      precision,
                     Decimal *dec)
{
  char buf[64];
  const char *p;

  snprintf (buf, sizeof buf, "%.*e", precision - 1, value);

  dec->n_digits = 0;
  for (p = buf; *p != '\0' && *p != 'e' && *p != 'E'; p++)
    {
      if (g_ascii_isdigit (*p) && dec->n_digits < (int) sizeof dec->digits)
        dec->digits[dec->n_digits++] = *p;
    }
  if (dec->n_digits == 0)
    dec->digits[dec->n_digits++] = '0';
  dec->exponent = *p != '\0' ? (int) strtol (p + 1, NULL, 10) : 0;

  decimal_trim (dec);
}

static gboolean
decimal_round_trips (const Decimal *dec,
                     double         value)
{
  char buf[64];
  int len = 0;

  buf[len++] = dec->digits[0];
  if (dec->n_digits > 1)
    {
      buf[len++] = '.';
      memcpy (buf + len, dec->digits + 1, dec->n_digits - 1);
      len += dec->n_digits - 1;
    }
  snprintf (buf + len, sizeof buf - len, "e%d", dec->exponent);

  return g_ascii_strtod (buf, NULL) == value;
}

/* Adds one unit in the last place. */
static void
decimal_increment (Decimal *dec)
{
  int i = dec->n_digits - 1;

  while (i >= 0 && dec->digits[i] == '9')
    dec->digits[i--] = '0';

  if (i < 0)
    {
      dec->digits[0] = '1';
      dec->n_digits = 1;
      dec->exponent++;
    }
  else
    {
      dec->digits[i]++;
      dec->n_digits = i + 1;
    }
}

/* The shortest decimal that reads back as @value (finite, > 0), the one
 * closest to @value when several have that many digits. */
static void
shortest_decimal (double   value,
                  Decimal *dec)
{
  guint64 bits;

  if (value < DBL_MIN)
    {
      /* Subnormals have fewer significant bits, so try every length. */
      for (int precision = 1; precision < 17; precision++)
        {
          decimal_from_printf (value, precision, dec);
          if (decimal_round_trips (dec, value))
            return;
        }
      decimal_from_printf (value, 17, dec);
      return;
    }

  /* A decimal of at most 15 (DBL_DIG) digits survives the trip through a
   * normal double, so if one reads back as @value it is the 15-digit rounding
   * of @value with its trailing zeros removed. */
  decimal_from_printf (value, 15, dec);
  if (decimal_round_trips (dec, value))
    return;

  decimal_from_printf (value, 16, dec);
  if (decimal_round_trips (dec, value))
    return;

  /* At a power of two the doubles below are twice as dense as those above,
   * so the nearest 16-digit decimal may fall just outside on the narrow side
   * while the next one up is still inside on the wide side. */
  memcpy (&bits, &value, sizeof bits);
  if ((bits & G_GUINT64_CONSTANT (0xfffffffffffff)) == 0)
    {
      Decimal up = *dec;

      /* Put back the trailing zeros so the unit is the 16th digit. */
      while (up.n_digits < 16)
        up.digits[up.n_digits++] = '0';
      decimal_increment (&up);
      if (decimal_round_trips (&up, value))
        {
          *dec = up;
          return;
        }
    }

  /* 17 digits always suffice. */
  decimal_from_printf (value, 17, dec);
}

#if defined (__SIZEOF_INT128__) && !defined (PF_JSON_NO_INT128)
#define HAVE_UINT128 1

typedef unsigned __int128 Uint128;

static const guint64 powers_of_ten_u64[] = {
  G_GUINT64_CONSTANT (1),
  G_GUINT64_CONSTANT (10),
  G_GUINT64_CONSTANT (100),
  G_GUINT64_CONSTANT (1000),
  G_GUINT64_CONSTANT (10000),
  G_GUINT64_CONSTANT (100000),
  G_GUINT64_CONSTANT (1000000),
  G_GUINT64_CONSTANT (10000000),
  G_GUINT64_CONSTANT (100000000),
  G_GUINT64_CONSTANT (1000000000),
  G_GUINT64_CONSTANT (10000000000),
  G_GUINT64_CONSTANT (100000000000),
  G_GUINT64_CONSTANT (1000000000000),
  G_GUINT64_CONSTANT (10000000000000),
  G_GUINT64_CONSTANT (100000000000000),
  G_GUINT64_CONSTANT (1000000000000000),
  G_GUINT64_CONSTANT (10000000000000000),
  G_GUINT64_CONSTANT (100000000000000000),
  G_GUINT64_CONSTANT (1000000000000000000),
  G_GUINT64_CONSTANT (10000000000000000000),
};

/* 10^e for 0 ≤ e ≤ 22. */
static inline Uint128
power_of_ten_u128 (int e)
{
  if (e < 20)
    return powers_of_ten_u64[e];
  return (Uint128) powers_of_ten_u64[19] * powers_of_ten_u64[e - 19];
}

/* For x = mantissa / 2^shift: x × 10^scale rounded half to even. */
static inline guint64
scaled_round (guint64 mantissa,
              int     shift,
              int     scale)
{
  Uint128 t = (Uint128) mantissa * power_of_ten_u128 (scale);
  Uint128 n = t >> shift;
  Uint128 rest = t - (n << shift);
  Uint128 half = (Uint128) 1 << (shift - 1);

  if (rest > half || (rest == half && (n & 1) != 0))
    n++;

  return (guint64) n;
}

/* Whether n / 10^scale reads back as x = mantissa / 2^shift: whether it
 * lies within half the gap to the neighbouring doubles (a quarter below a
 * power of two, where the gap below is half as wide), boundaries included
 * when ties go to x, i.e. when its mantissa is even. */
static inline gboolean
scaled_round_trips (guint64  mantissa,
                    int      shift,
                    int      scale,
                    guint64  n,
                    gboolean narrow_below)
{
  Uint128 power = power_of_ten_u128 (scale);
  Uint128 t = (Uint128) mantissa * power;
  Uint128 d = (Uint128) n << shift;
  Uint128 distance;

  if (d >= t)
    distance = 2 * (d - t);
  else
    distance = (narrow_below ? 4 : 2) * (t - d);

  return (mantissa & 1) == 0 ? distance <= power : distance < power;
}

/* The shortest decimal for 1e-6 ≤ value < 1e15 (not an integer), in exact
 * 128-bit arithmetic: value = mantissa / 2^shift with shift ≤ 73, and with
 * at most 17 digits the scale is at most 22, so every product stays below
 * 2^127. A 15-digit decimal that reads back is the only one of at most 15
 * digits (DBL_DIG); otherwise the nearest of 16 digits, or the next one up
 * below a power of two; otherwise the nearest of 17, which always does. */
static void
shortest_decimal_exact (double   value,
                        Decimal *dec)
{
  guint64 bits;
  guint64 fraction;
  guint64 mantissa;
  guint64 n;
  int shift;
  int e10;
  int precision;
  int n_digits;
  gboolean narrow_below;
  char buf[24];
  char *p;

  memcpy (&bits, &value, sizeof bits);
  fraction = bits & G_GUINT64_CONSTANT (0xfffffffffffff);
  mantissa = fraction | (G_GUINT64_CONSTANT (1) << 52);
  shift = 1075 - (int) ((bits >> 52) & 0x7ff);
  narrow_below = fraction == 0;

  /* e10 = floor (log10 (value)), made exact: 10^16 ≤ value × 10^(16 - e10) < 10^17. */
  e10 = (int) floor (log10 (value));
  for (;;)
    {
      Uint128 t = (Uint128) mantissa * power_of_ten_u128 (16 - e10);
      Uint128 whole = t >> shift;

      if (whole >= powers_of_ten_u64[17] && e10 < 14)
        e10++;
      else if (whole < powers_of_ten_u64[16] && e10 > -6)
        e10--;
      else
        break;
    }

  precision = 15;
  n = scaled_round (mantissa, shift, 14 - e10);
  if (!scaled_round_trips (mantissa, shift, 14 - e10, n, narrow_below))
    {
      guint64 n16 = scaled_round (mantissa, shift, 15 - e10);

      precision = 16;
      if (scaled_round_trips (mantissa, shift, 15 - e10, n16, narrow_below))
        {
          n = n16;
        }
      else if (narrow_below &&
               scaled_round_trips (mantissa, shift, 15 - e10, n16 + 1, narrow_below))
        {
          n = n16 + 1;
        }
      else
        {
          precision = 17;
          n = scaled_round (mantissa, shift, 16 - e10);
        }
    }

  p = buf + sizeof buf;
  do
    {
      *--p = (char) ('0' + n % 10);
      n /= 10;
    }
  while (n != 0);
  n_digits = buf + sizeof buf - p;

  /* One more digit than asked for when rounding carried into a new one. */
  memcpy (dec->digits, p, n_digits);
  dec->n_digits = n_digits;
  dec->exponent = e10 + n_digits - precision;
  decimal_trim (dec);
}
#endif

/* ECMA-262 Number::toString layout of digits × 10^(n - k). */
static void
append_ecmascript (GString       *out,
                   const Decimal *dec)
{
  const char *digits = dec->digits;
  int k = dec->n_digits;
  int n = dec->exponent + 1;

  if (k <= n && n <= 21)
    {
      g_string_append_len (out, digits, k);
      append_zeros (out, n - k);
    }
  else if (0 < n && n <= 21)
    {
      g_string_append_len (out, digits, n);
      g_string_append_c (out, '.');
      g_string_append_len (out, digits + n, k - n);
    }
  else if (-6 < n && n <= 0)
    {
      g_string_append_len (out, "0.", 2);
      append_zeros (out, -n);
      g_string_append_len (out, digits, k);
    }
  else
    {
      int e = n - 1;

      g_string_append_c (out, digits[0]);
      if (k > 1)
        {
          g_string_append_c (out, '.');
          g_string_append_len (out, digits + 1, k - 1);
        }
      g_string_append_c (out, 'e');
      g_string_append_c (out, e < 0 ? '-' : '+');
      append_uint64 (out, (guint64) ABS (e));
    }
}

/* @mantissa × 10^-@scale in fixed notation; @mantissa has no trailing zeros. */
static void
append_fixed (GString *out,
              guint64  mantissa,
              int      scale)
{
  char buf[24];
  char *p = buf + sizeof buf;
  int n_digits;

  do
    {
      *--p = (char) ('0' + mantissa % 10);
      mantissa /= 10;
    }
  while (mantissa != 0);
  n_digits = buf + sizeof buf - p;

  if (n_digits > scale)
    {
      g_string_append_len (out, p, n_digits - scale);
      g_string_append_c (out, '.');
      g_string_append_len (out, p + n_digits - scale, scale);
    }
  else
    {
      g_string_append_len (out, "0.", 2);
      append_zeros (out, scale - n_digits);
      g_string_append_len (out, p, n_digits);
    }
}

static void
append_number (GString *out,
               double   value)
{
  Decimal dec;
  double magnitude;

  if (!isfinite (value))
    {
      g_string_append_len (out, "null", 4);
      return;
    }

  /* Also catches -0. */
  if (value == 0)
    {
      g_string_append_c (out, '0');
      return;
    }

  if (value < 0)
    g_string_append_c (out, '-');
  magnitude = fabs (value);

  /* Integers: their own digits are the shortest form that reads back. */
  if (magnitude <= MAX_SAFE_INTEGER && magnitude == floor (magnitude))
    {
      append_uint64 (out, (guint64) magnitude);
      return;
    }

#ifdef HAVE_UINT128
  if (magnitude >= 1e-6 && magnitude < 1e15)
    {
      shortest_decimal_exact (magnitude, &dec);
      append_ecmascript (out, &dec);
      return;
    }
#endif

  /* Fast path for the common short fractions (0.25, 12.5, 3.14): find the
   * fewest decimals d with m / 10^d == magnitude for an integer m < 10^15.
   * The quotient of two exact doubles is correctly rounded, just like
   * reading the decimal back, and a decimal of at most 15 digits that reads
   * back is the only one of that length, so the first hit is the answer. */
  if (magnitude >= 1e-6 && magnitude < 1e15)
    {
      for (guint scale = 1; scale < G_N_ELEMENTS (powers_of_ten); scale++)
        {
          double scaled = magnitude * powers_of_ten[scale];
          double mantissa;

          if (scaled >= 1e15)
            break;

          mantissa = floor (scaled + 0.5);
          if (mantissa / powers_of_ten[scale] == magnitude)
            {
              append_fixed (out, (guint64) mantissa, (int) scale);
              return;
            }
        }
    }

  shortest_decimal (magnitude, &dec);
  append_ecmascript (out, &dec);
}

/* ------------------------------------------------------------------ strings */

enum
{
  CHAR_PLAIN = 0,
  CHAR_ESCAPE,
  CHAR_NON_ASCII,
  CHAR_END,
};

/* 0x00 ends the string, other controls, " and \ are escaped. */
static const guint8 char_class[256] = {
  CHAR_END, CHAR_ESCAPE, CHAR_ESCAPE, CHAR_ESCAPE, CHAR_ESCAPE, CHAR_ESCAPE, CHAR_ESCAPE, CHAR_ESCAPE,
  CHAR_ESCAPE, CHAR_ESCAPE, CHAR_ESCAPE, CHAR_ESCAPE, CHAR_ESCAPE, CHAR_ESCAPE, CHAR_ESCAPE, CHAR_ESCAPE,
  CHAR_ESCAPE, CHAR_ESCAPE, CHAR_ESCAPE, CHAR_ESCAPE, CHAR_ESCAPE, CHAR_ESCAPE, CHAR_ESCAPE, CHAR_ESCAPE,
  CHAR_ESCAPE, CHAR_ESCAPE, CHAR_ESCAPE, CHAR_ESCAPE, CHAR_ESCAPE, CHAR_ESCAPE, CHAR_ESCAPE, CHAR_ESCAPE,
  ['"'] = CHAR_ESCAPE,
  ['\\'] = CHAR_ESCAPE,
  [0x80 ... 0xff] = CHAR_NON_ASCII,
};

static const char hex_digits[] = "0123456789abcdef";

static void
append_escape (GString *out,
               guchar   c)
{
  char buf[6] = { '\\', 'u', '0', '0', 0, 0 };

  switch (c)
    {
    case '"':  g_string_append_len (out, "\\\"", 2); return;
    case '\\': g_string_append_len (out, "\\\\", 2); return;
    case '\b': g_string_append_len (out, "\\b", 2); return;
    case '\f': g_string_append_len (out, "\\f", 2); return;
    case '\n': g_string_append_len (out, "\\n", 2); return;
    case '\r': g_string_append_len (out, "\\r", 2); return;
    case '\t': g_string_append_len (out, "\\t", 2); return;
    default:
      buf[4] = hex_digits[c >> 4];
      buf[5] = hex_digits[c & 0xf];
      g_string_append_len (out, buf, sizeof buf);
      return;
    }
}

/* Bytes that are not UTF-8 are written as U+FFFD, so the output is always
 * valid JSON and the same tree always gives the same text. */
static void
append_string (GString    *out,
               const char *str)
{
  const guchar *p = (const guchar *) str;
  const guchar *run = p;

  g_string_append_c (out, '"');

  for (;;)
    {
      guchar c = *p;
      gunichar ch;

      switch (char_class[c])
        {
        case CHAR_PLAIN:
          p++;
          continue;

        case CHAR_ESCAPE:
          g_string_append_len (out, (const char *) run, p - run);
          append_escape (out, c);
          run = ++p;
          continue;

        case CHAR_NON_ASCII:
          ch = g_utf8_get_char_validated ((const char *) p, -1);
          if (G_LIKELY (ch < 0x110000))
            {
              p += g_utf8_skip[c];
            }
          else
            {
              g_string_append_len (out, (const char *) run, p - run);
              g_string_append_len (out, "\xef\xbf\xbd", 3);
              run = ++p;
            }
          continue;

        case CHAR_END:
        default:
          break;
        }
      break;
    }

  g_string_append_len (out, (const char *) run, p - run);
  g_string_append_c (out, '"');
}

/* -------------------------------------------------------------- member order */

typedef struct
{
  const char *name;
  JsonNode   *node;
} Member;

/* A code point's UTF-16 code units as one comparable number. */
static inline guint32
utf16_key (gunichar ch)
{
  if (ch < 0x10000)
    return ch << 16;

  ch -= 0x10000;
  return ((0xd800 + (ch >> 10)) << 16) | (0xdc00 + (ch & 0x3ff));
}

/* Orders UTF-8 strings as their UTF-16 forms would be ordered. UTF-8 byte
 * order is code point order, which differs from UTF-16 order only when a
 * character beyond U+FFFF meets one in U+E000..U+FFFF, so only the first
 * differing character needs decoding. Invalid UTF-8 falls back to bytes. */
static int
compare_utf16 (const char *a,
               const char *b)
{
  const guchar *ua = (const guchar *) a;
  const guchar *ub = (const guchar *) b;
  gsize i = 0;
  gsize start;
  gunichar ca, cb;
  guint32 ka, kb;

  while (ua[i] == ub[i] && ua[i] != '\0')
    i++;

  if (ua[i] == ub[i])
    return 0;
  if (ua[i] < 0x80 || ub[i] < 0x80)
    return ua[i] < ub[i] ? -1 : 1;

  start = i;
  while (start > 0 && (ua[start] & 0xc0) == 0x80)
    start--;

  ca = g_utf8_get_char_validated (a + start, -1);
  cb = g_utf8_get_char_validated (b + start, -1);
  if (ca >= 0x110000 || cb >= 0x110000)
    return ua[i] < ub[i] ? -1 : 1;

  ka = utf16_key (ca);
  kb = utf16_key (cb);
  if (ka != kb)
    return ka < kb ? -1 : 1;

  return ua[i] < ub[i] ? -1 : 1;
}

static int
compare_members (const void *a,
                 const void *b)
{
  return compare_utf16 (((const Member *) a)->name, ((const Member *) b)->name);
}

/* ------------------------------------------------------------------- writer */

/* An open array or object. Nesting is kept on an explicit stack rather than
 * the C stack, so no tree is too deep to write. */
typedef struct
{
  JsonArray *array;   /* NULL for an object */
  guint      start;   /* object: its first member in Writer.members; array: 0 */
  guint      index;   /* next element or member */
  guint      end;
  gboolean   after_raw; /* raw elements were written before the first one */
} Frame;

typedef struct
{
  GString  *out;
  GArray   *members;  /* Member: the members of every open object */
  GArray   *frames;   /* Frame */
  gboolean  pretty;
  /* A member of the top-level object to leave out, or NULL. */
  const char *skip;
  /* A member of the top-level object whose array starts with elements
   * given as text, or NULL. */
  const char       *raw_member;
  const char       *raw_text;
  const PfJsonSpan *raw_spans;
  guint             n_raw_spans;
} Writer;

static void
append_indent (GString *out,
               guint    depth)
{
  gsize count = (gsize) depth * 2;

  while (count > 0)
    {
      gsize chunk = MIN (count, sizeof spaces - 1);

      g_string_append_len (out, spaces, chunk);
      count -= chunk;
    }
}

static void
append_value (GString  *out,
              JsonNode *node,
              gboolean  exact_integers)
{
  GType type = json_node_get_value_type (node);

  if (type == G_TYPE_INT64)
    {
      gint64 value = json_node_get_int (node);

      /* RFC 8785 reads every number as a double; a project file keeps a
       * whole number exactly, so that it reads back as the same integer. */
      if (exact_integers || (value >= -MAX_SAFE_INTEGER_I64 && value <= MAX_SAFE_INTEGER_I64))
        {
          if (value < 0)
            g_string_append_c (out, '-');
          /* Not ABS (): G_MININT64 has no positive counterpart. */
          append_uint64 (out, value < 0 ? (guint64) 0 - (guint64) value : (guint64) value);
        }
      else
        {
          append_number (out, (double) value);
        }
    }
  else if (type == G_TYPE_DOUBLE)
    {
      append_number (out, json_node_get_double (node));
    }
  else if (type == G_TYPE_BOOLEAN)
    {
      if (json_node_get_boolean (node))
        g_string_append_len (out, "true", 4);
      else
        g_string_append_len (out, "false", 5);
    }
  else if (type == G_TYPE_STRING && json_node_get_string (node) != NULL)
    {
      append_string (out, json_node_get_string (node));
    }
  else
    {
      g_string_append_len (out, "null", 4);
    }
}

static void
collect_members (Writer     *writer,
                 JsonObject *object)
{
  JsonObjectIter iter;
  const char *name;
  JsonNode *node;
  const char *skip = writer->frames->len == 0 ? writer->skip : NULL;

  if (writer->pretty)
    {
      json_object_iter_init_ordered (&iter, object);
      while (json_object_iter_next_ordered (&iter, &name, &node))
        {
          Member member = { name, node };
          g_array_append_val (writer->members, member);
        }
    }
  else
    {
      json_object_iter_init (&iter, object);
      while (json_object_iter_next (&iter, &name, &node))
        {
          Member member = { name, node };

          if (skip == NULL || g_strcmp0 (name, skip) != 0)
            g_array_append_val (writer->members, member);
        }
    }
}

/* Writes "{}", or the opening of a non-empty object and pushes it onto the
 * stack. Takes no reference: hashing audit entries in worker threads must
 * not touch their (non-atomic) reference counts. */
static void
begin_object (Writer     *writer,
              JsonObject *object)
{
  guint start = writer->members->len;
  Frame frame;

  if (object != NULL)
    collect_members (writer, object);

  if (writer->members->len == start)
    {
      g_string_append_len (writer->out, "{}", 2);
      return;
    }

  if (!writer->pretty && writer->members->len - start > 1)
    qsort (&g_array_index (writer->members, Member, start),
           writer->members->len - start, sizeof (Member), compare_members);

  frame = (Frame) { NULL, start, start, writer->members->len, FALSE };
  g_array_append_val (writer->frames, frame);
  g_string_append_c (writer->out, '{');
}

/* Writes a scalar whole, or the opening of a non-empty container and pushes
 * it onto the stack. */
static void
begin_value (Writer   *writer,
             JsonNode *node)
{
  GString *out = writer->out;

  if (node == NULL)
    {
      g_string_append_len (out, "null", 4);
      return;
    }

  switch (json_node_get_node_type (node))
    {
    case JSON_NODE_OBJECT:
      begin_object (writer, json_node_get_object (node));
      return;

    case JSON_NODE_ARRAY:
      {
        JsonArray *array = json_node_get_array (node);
        guint length = array != NULL ? json_array_get_length (array) : 0;
        Frame frame;

        if (length == 0)
          {
            g_string_append_len (out, "[]", 2);
            return;
          }

        frame = (Frame) { array, 0, 0, length, FALSE };
        g_array_append_val (writer->frames, frame);
        g_string_append_c (out, '[');
      }
      return;

    case JSON_NODE_VALUE:
      append_value (out, node, writer->pretty);
      return;

    case JSON_NODE_NULL:
    default:
      g_string_append_len (out, "null", 4);
      return;
    }
}

/* Writes an array whose first elements are text kept from the file they
 * were read from, as it is: Preflight wrote that text, so it is already
 * laid out as this writer would. */
static void run_frames (Writer *writer);

static void
write_raw_array (Writer   *writer,
                 JsonNode *node)
{
  GString *out = writer->out;
  JsonArray *array = json_node_get_array (node);
  guint length = array != NULL ? json_array_get_length (array) : 0;
  Frame frame;

  g_string_append_c (out, '[');
  for (guint i = 0; i < writer->n_raw_spans; i++)
    {
      if (i > 0)
        g_string_append_c (out, ',');
      if (writer->pretty)
        {
          g_string_append_c (out, '\n');
          append_indent (out, 2);
        }
      g_string_append_len (out, writer->raw_text + writer->raw_spans[i].offset, writer->raw_spans[i].length);
    }

  if (length == 0)
    {
      if (writer->pretty)
        {
          g_string_append_c (out, '\n');
          append_indent (out, 1);
        }
      g_string_append_c (out, ']');
      return;
    }

  frame = (Frame) { array, 0, 0, length, TRUE };
  g_array_append_val (writer->frames, frame);
}

static void
run_writer (Writer   *writer,
            JsonNode *root)
{
  begin_value (writer, root);
  run_frames (writer);
}

/* Writes what is open on the stack, to the end. */
static void
run_frames (Writer *writer)
{
  GString *out = writer->out;
  gboolean pretty = writer->pretty;

  while (writer->frames->len > 0)
    {
      guint depth = writer->frames->len;
      Frame *frame = &g_array_index (writer->frames, Frame, depth - 1);
      JsonNode *node;

      if (frame->index == frame->end)
        {
          gboolean is_object = frame->array == NULL;

          if (is_object)
            g_array_set_size (writer->members, frame->start);
          g_array_set_size (writer->frames, depth - 1);

          if (pretty)
            {
              g_string_append_c (out, '\n');
              append_indent (out, depth - 1);
            }
          g_string_append_c (out, is_object ? '}' : ']');
          continue;
        }

      if (frame->index > frame->start || frame->after_raw)
        g_string_append_c (out, ',');
      if (pretty)
        {
          g_string_append_c (out, '\n');
          append_indent (out, depth);
        }

      if (frame->array != NULL)
        {
          node = json_array_get_element (frame->array, frame->index++);
        }
      else
        {
          const Member *member = &g_array_index (writer->members, Member, frame->index++);

          node = member->node;
          append_string (out, member->name != NULL ? member->name : "");
          if (pretty)
            g_string_append_len (out, ": ", 2);
          else
            g_string_append_c (out, ':');

          if (depth == 1 && writer->raw_member != NULL && writer->n_raw_spans > 0 &&
              g_strcmp0 (member->name, writer->raw_member) == 0 && JSON_NODE_HOLDS_ARRAY (node))
            {
              write_raw_array (writer, node);
              continue;
            }
        }

      /* May grow the stacks: frame and member are not used after this. */
      begin_value (writer, node);
    }
}

static void
write_tree_skipping (GString    *out,
                     JsonNode   *root,
                     gboolean    pretty,
                     const char *skip)
{
  Writer writer = {
    .out = out,
    .members = g_array_sized_new (FALSE, FALSE, sizeof (Member), 64),
    .frames = g_array_sized_new (FALSE, FALSE, sizeof (Frame), 16),
    .pretty = pretty,
    .skip = skip,
  };

  run_writer (&writer, root);

  g_array_unref (writer.members);
  g_array_unref (writer.frames);
}

static void
write_tree (GString  *out,
            JsonNode *root,
            gboolean  pretty)
{
  write_tree_skipping (out, root, pretty, NULL);
}

/* --------------------------------------------------------- from the text */

/* The canonical form straight from JSON text, without building a tree: the
 * audit trail of a large project is verified this way, entry by entry, far
 * faster than json-glib could first build it. It agrees with the writer
 * above by construction: strings and numbers that may be copied as they
 * are, are; all others go through the same append_string() and
 * append_number(). */

typedef struct
{
  gsize       key;       /* offset of the NUL-terminated name in the scratch */
  const char *value;     /* its text, from the first character */
  const char *value_end;
} TextMember;

typedef struct
{
  const char *name;
  const char *value;
  const char *value_end;
  guint       order;     /* for names given twice: the last one counts */
} SortedMember;

static inline const char *
text_skip_space (const char *p,
                 const char *end)
{
  while (p < end && (*p == ' ' || *p == '\n' || *p == '\r' || *p == '\t'))
    p++;
  return p;
}

/* Decodes the string starting at the quote *p into @out; leaves *p after
 * the closing quote. */
static gboolean
text_read_string (const char **pp,
                  const char  *end,
                  GString     *out,
                  gboolean    *had_escape)
{
  const char *p = *pp + 1;
  const char *run = p;

  *had_escape = FALSE;
  for (;;)
    {
      guint32 unit;

      while (p < end && *p != '"' && *p != '\\' && (guchar) *p >= 0x20)
        p++;
      if (p >= end || (guchar) *p < 0x20)
        return FALSE;
      g_string_append_len (out, run, p - run);
      if (*p == '"')
        break;

      *had_escape = TRUE;
      if (++p >= end)
        return FALSE;
      switch (*p++)
        {
        case '"':  g_string_append_c (out, '"'); break;
        case '\\': g_string_append_c (out, '\\'); break;
        case '/':  g_string_append_c (out, '/'); break;
        case 'b':  g_string_append_c (out, '\b'); break;
        case 'f':  g_string_append_c (out, '\f'); break;
        case 'n':  g_string_append_c (out, '\n'); break;
        case 'r':  g_string_append_c (out, '\r'); break;
        case 't':  g_string_append_c (out, '\t'); break;
        case 'u':
          {
            unit = 0;
            if (end - p < 4)
              return FALSE;
            for (int i = 0; i < 4; i++)
              {
                int h = g_ascii_xdigit_value (p[i]);

                if (h < 0)
                  return FALSE;
                unit = (unit << 4) | h;
              }
            p += 4;
            /* As the parser reads them: pairs joined, lone halves U+FFFD. */
            if (unit >= 0xd800 && unit <= 0xdbff && end - p >= 6 && p[0] == '\\' && p[1] == 'u')
              {
                guint32 low = 0;
                gboolean ok = TRUE;

                for (int i = 0; i < 4; i++)
                  {
                    int h = g_ascii_xdigit_value (p[2 + i]);

                    if (h < 0)
                      ok = FALSE;
                    low = (low << 4) | (h < 0 ? 0 : h);
                  }
                if (!ok)
                  return FALSE;
                if (low >= 0xdc00 && low <= 0xdfff)
                  {
                    unit = 0x10000 + ((unit - 0xd800) << 10) + (low - 0xdc00);
                    p += 6;
                  }
                else
                  unit = 0xfffd;
              }
            else if (unit >= 0xd800 && unit <= 0xdfff)
              unit = 0xfffd;
            if (unit == 0)
              return FALSE;
            g_string_append_unichar (out, unit);
          }
          break;
        default:
          return FALSE;
        }
      run = p;
    }

  *pp = p + 1;
  return TRUE;
}

/* Finds where the value at *pp ends; only its brackets and strings are
 * looked at, the canonical pass checks the rest. */
static gboolean
text_skip_value (const char **pp,
                 const char  *end)
{
  const char *p = *pp;
  guint depth = 0;

  do
    {
      if (p >= end)
        return FALSE;

      switch (*p)
        {
        case '"':
          for (p++; p < end && *p != '"'; p++)
            {
              if (*p == '\\')
                p++;
            }
          if (p >= end)
            return FALSE;
          p++;
          break;

        case '{':
        case '[':
          if (++depth > 512)
            return FALSE;
          p++;
          break;

        case '}':
        case ']':
          if (depth == 0)
            return FALSE;
          depth--;
          p++;
          break;

        default:
          if (depth == 0)
            {
              /* A scalar: up to the next delimiter. */
              while (p < end && *p != ',' && *p != '}' && *p != ']' &&
                     *p != ' ' && *p != '\n' && *p != '\r' && *p != '\t')
                p++;
            }
          else
            p++;
          break;
        }
    }
  while (depth > 0);

  *pp = p;
  return TRUE;
}

/* How deep the text canonical form goes before it parses the rest. */
#define TEXT_TREE_DEPTH 32

static gboolean
text_canonical_via_tree (GString     *out,
                         const char **pp,
                         const char  *end,
                         guint        depth)
{
  const char *p = text_skip_space (*pp, end);
  const char *q = p;
  g_autoptr(JsonNode) node = NULL;

  if (!text_skip_value (&q, end) ||
      !(node = pf_json_parse (p, q - p, NULL)))
    return FALSE;

  /* The parser counts its own depth from here: keep the whole within the limit. */
  {
    guint max_depth = 0, current = 0;
    gboolean in_string = FALSE;

    for (const char *c = p; c < q; c++)
      {
        if (in_string)
          {
            if (*c == '\\')
              c++;
            else if (*c == '"')
              in_string = FALSE;
          }
        else if (*c == '"')
          in_string = TRUE;
        else if (*c == '{' || *c == '[')
          {
            current++;
            max_depth = MAX (max_depth, current);
          }
        else if (*c == '}' || *c == ']')
          current--;
      }
    if (depth + max_depth > PF_JSON_MAX_DEPTH)
      return FALSE;
  }

  write_tree (out, node, FALSE);
  *pp = q;
  return TRUE;
}

static gboolean text_canonical_value (GString          *out,
                                      GString          *scratch,
                                      const char      **pp,
                                      const char       *end,
                                      const char       *skip,
                                      PfJsonTextMember *capture,
                                      guint             n_capture,
                                      guint             depth);

/* Whether the value from @value to @value_end is one valid JSON value,
 * for a value that is left out of the canonical form. */
static gboolean
text_value_is_valid (GString    *scratch,
                     const char *value,
                     const char *value_end,
                     const char *end,
                     guint       depth)
{
  g_autoptr(GString) sink = g_string_new (NULL);
  const char *q = value;

  return text_canonical_value (sink, scratch, &q, end, NULL, NULL, 0, depth + 1) && q == value_end;
}

static int
compare_sorted_members (const void *a,
                        const void *b)
{
  const SortedMember *ma = a;
  const SortedMember *mb = b;
  int order = compare_utf16 (ma->name, mb->name);

  if (order != 0)
    return order;
  return ma->order < mb->order ? -1 : ma->order > mb->order;
}

static gboolean
text_canonical_object (GString          *out,
                       GString          *scratch,
                       const char      **pp,
                       const char       *end,
                       const char       *skip,
                       PfJsonTextMember *capture,
                       guint             n_capture,
                       guint             depth)
{
  const char *p = text_skip_space (*pp + 1, end);
  g_autoptr(GArray) members = g_array_new (FALSE, FALSE, sizeof (TextMember));
  g_autoptr(GArray) sorted = NULL;
  g_autofree char *names = NULL;
  gsize scratch_start = scratch->len;

  if (p < end && *p == '}')
    {
      *pp = p + 1;
      g_string_append_len (out, "{}", 2);
      return TRUE;
    }

  for (;;)
    {
      TextMember member;
      gboolean had_escape;
      const char *q;

      if (p >= end || *p != '"')
        return FALSE;
      member.key = scratch->len;
      if (!text_read_string (&p, end, scratch, &had_escape))
        return FALSE;
      g_string_append_c (scratch, '\0');

      p = text_skip_space (p, end);
      if (p >= end || *p != ':')
        return FALSE;
      member.value = p = text_skip_space (p + 1, end);

      q = p;
      if (!text_skip_value (&q, end))
        return FALSE;
      member.value_end = q;

      for (guint c = 0; c < n_capture; c++)
        {
          if (strcmp (scratch->str + member.key, capture[c].name) == 0)
            {
              capture[c].value = member.value;
              capture[c].length = q - member.value;
            }
        }

      p = text_skip_space (q, end);

      if (depth > 0 || skip == NULL || strcmp (scratch->str + member.key, skip) != 0)
        g_array_append_val (members, member);
      else if (!text_value_is_valid (scratch, member.value, member.value_end, end, depth))
        return FALSE;

      if (p < end && *p == ',')
        {
          p = text_skip_space (p + 1, end);
          continue;
        }
      if (p < end && *p == '}')
        break;
      return FALSE;
    }

  *pp = p + 1;

  /* The names move out of the scratch, which the values below reuse. */
  names = g_memdup2 (scratch->str + scratch_start, scratch->len - scratch_start);
  g_string_truncate (scratch, scratch_start);
  sorted = g_array_sized_new (FALSE, FALSE, sizeof (SortedMember), members->len);
  for (guint i = 0; i < members->len; i++)
    {
      TextMember *member = &g_array_index (members, TextMember, i);
      SortedMember entry = { names + (member->key - scratch_start), member->value, member->value_end, i };

      g_array_append_val (sorted, entry);
    }
  if (sorted->len > 1)
    qsort (sorted->data, sorted->len, sizeof (SortedMember), compare_sorted_members);

  g_string_append_c (out, '{');
  for (guint i = 0, written = 0; i < sorted->len; i++)
    {
      SortedMember *member = &g_array_index (sorted, SortedMember, i);
      const char *q = member->value;

      /* json-glib keeps the last of members with the same name: so does
       * this, once the others are known to be valid JSON. */
      if (i + 1 < sorted->len && strcmp (member->name, g_array_index (sorted, SortedMember, i + 1).name) == 0)
        {
          if (!text_value_is_valid (scratch, member->value, member->value_end, end, depth))
            return FALSE;
          continue;
        }

      if (written++ > 0)
        g_string_append_c (out, ',');
      append_string (out, member->name);
      g_string_append_c (out, ':');
      /* The whole value, not just a valid beginning of it ("05"). */
      if (!text_canonical_value (out, scratch, &q, end, NULL, NULL, 0, depth + 1) ||
          q != member->value_end)
        return FALSE;
    }
  g_string_append_c (out, '}');

  return TRUE;
}

static gboolean
text_canonical_value (GString          *out,
                      GString          *scratch,
                      const char      **pp,
                      const char       *end,
                      const char       *skip,
                      PfJsonTextMember *capture,
                      guint             n_capture,
                      guint             depth)
{
  const char *p = text_skip_space (*pp, end);

  if (p >= end)
    return FALSE;

  /* Deep inside, the two passes over each object would cost the square of
   * the depth: let the tree writer take over. */
  if (depth >= TEXT_TREE_DEPTH && (*p == '{' || *p == '['))
    return text_canonical_via_tree (out, pp, end, depth);

  switch (*p)
    {
    case '{':
      *pp = p;
      return text_canonical_object (out, scratch, pp, end, skip, capture, n_capture, depth);

    case '[':
      p = text_skip_space (p + 1, end);
      g_string_append_c (out, '[');
      if (p < end && *p == ']')
        {
          *pp = p + 1;
          g_string_append_c (out, ']');
          return TRUE;
        }
      for (gboolean first = TRUE; ; first = FALSE)
        {
          if (!first)
            g_string_append_c (out, ',');
          if (!text_canonical_value (out, scratch, &p, end, NULL, NULL, 0, depth + 1))
            return FALSE;
          p = text_skip_space (p, end);
          if (p < end && *p == ',')
            {
              p++;
              continue;
            }
          if (p < end && *p == ']')
            break;
          return FALSE;
        }
      *pp = p + 1;
      g_string_append_c (out, ']');
      return TRUE;

    case '"':
      {
        const char *start = p;
        gsize mark = scratch->len;
        gboolean had_escape;

        if (!text_read_string (&p, end, scratch, &had_escape))
          return FALSE;
        /* Without an escape the text is already canonical: RFC 8785 only
         * escapes what JSON forbids raw. */
        if (!had_escape)
          g_string_append_len (out, start, p - start);
        else
          append_string (out, scratch->str + mark);
        g_string_truncate (scratch, mark);
        *pp = p;
        return TRUE;
      }

    case 't':
    case 'f':
    case 'n':
      {
        const char *literal = *p == 't' ? "true" : *p == 'f' ? "false" : "null";
        gsize length = strlen (literal);

        if ((gsize) (end - p) < length || memcmp (p, literal, length) != 0)
          return FALSE;
        g_string_append_len (out, literal, length);
        *pp = p + length;
        return TRUE;
      }

    default:
      {
        const char *start = p;
        gboolean integral = TRUE;
        char local[64];

        /* RFC 8259's grammar, as the parser reads it: -?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)? */
        if (*p == '-')
          p++;
        if (p >= end || !g_ascii_isdigit (*p))
          return FALSE;
        if (*p == '0')
          p++;
        else
          while (p < end && g_ascii_isdigit (*p))
            p++;
        if (p < end && *p == '.')
          {
            integral = FALSE;
            if (++p >= end || !g_ascii_isdigit (*p))
              return FALSE;
            while (p < end && g_ascii_isdigit (*p))
              p++;
          }
        if (p < end && (*p == 'e' || *p == 'E'))
          {
            integral = FALSE;
            if (++p < end && (*p == '+' || *p == '-'))
              p++;
            if (p >= end || !g_ascii_isdigit (*p))
              return FALSE;
            while (p < end && g_ascii_isdigit (*p))
              p++;
          }
        /* A short integer is exact and already canonical, "-0" aside. */
        if (integral && p - start <= 15 && !(p - start == 2 && start[0] == '-' && start[1] == '0'))
          g_string_append_len (out, start, p - start);
        else
          {
            g_autofree char *allocated = NULL;
            char *number = local;

            if ((gsize) (p - start) >= sizeof local)
              number = allocated = g_strndup (start, p - start);
            else
              {
                memcpy (local, start, p - start);
                local[p - start] = '\0';
              }
            append_number (out, g_ascii_strtod (number, NULL));
          }
        *pp = p;
        return TRUE;
      }
    }
}

/**
 * pf_json_text_dup_string:
 *
 * Returns: (nullable): the string that the JSON text @value holds, or
 *   %NULL when it is not one string
 */
char *
pf_json_text_dup_string (const char *value,
                         gsize       length)
{
  g_autoptr(GString) out = g_string_new (NULL);
  const char *p = value;
  gboolean had_escape;

  if (length == 0 || *p != '"' ||
      !text_read_string (&p, value + length, out, &had_escape) ||
      p != value + length)
    return NULL;

  return g_string_free (g_steal_pointer (&out), FALSE);
}

/**
 * pf_json_text_canonical_sha256_without:
 * @text: the JSON text of an object
 * @member: a top-level member to leave out
 *
 * The same as pf_json_object_canonical_sha256_without() on the parsed
 * @text, without parsing it into a tree. On the way, finds the top-level
 * members named in @capture: where each one's value text is.
 *
 * Returns: (nullable): the hash, or %NULL when @text is not a JSON object
 */
char *
pf_json_text_canonical_sha256_without (const char       *text,
                                       gsize             length,
                                       const char       *member,
                                       PfJsonTextMember *capture,
                                       guint             n_capture)
{
  g_autoptr(GString) out = g_string_sized_new (length);
  g_autoptr(GString) scratch = g_string_sized_new (256);
  const char *p;

  g_return_val_if_fail (text != NULL || length == 0, NULL);
  g_return_val_if_fail (capture != NULL || n_capture == 0, NULL);

  /* As the parser: a byte-order mark is skipped. The text must be valid
   * UTF-8, as every project file is checked to be when it is read. */
  if (length >= 3 && memcmp (text, "\xef\xbb\xbf", 3) == 0)
    {
      text += 3;
      length -= 3;
    }
  p = text_skip_space (text, text + length);

  if (p >= text + length || *p != '{' ||
      !text_canonical_value (out, scratch, &p, text + length, member, capture, n_capture, 0) ||
      text_skip_space (p, text + length) != text + length)
    return NULL;

  return g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) out->str, out->len);
}

/* ------------------------------------------------------------------- public */

/**
 * pf_json_to_canonical:
 * @node: (nullable): a tree, %NULL for JSON null
 *
 * The RFC 8785 canonical form of @node.
 */
char *
pf_json_to_canonical (JsonNode *node)
{
  GString *out = g_string_sized_new (256);

  write_tree (out, node, FALSE);

  return g_string_free (out, FALSE);
}

/**
 * pf_json_canonical_sha256:
 * @node: (nullable): a tree, %NULL for JSON null
 *
 * The SHA-256 of the RFC 8785 canonical form of @node, in lowercase hex.
 */
char *
pf_json_canonical_sha256 (JsonNode *node)
{
  GString *out = g_string_sized_new (256);
  char *digest;

  write_tree (out, node, FALSE);
  digest = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) out->str, out->len);
  g_string_free (out, TRUE);

  return digest;
}

/**
 * pf_json_object_canonical_sha256_without:
 * @member: the name of a top-level member to leave out
 *
 * The SHA-256 of the canonical form of @object without @member, such as an
 * audit entry without its own hash.
 */
char *
pf_json_object_canonical_sha256_without (JsonObject *object,
                                         const char *member)
{
  GString *out;
  char *digest;
  Writer writer = { 0 };

  g_return_val_if_fail (object != NULL, NULL);
  g_return_val_if_fail (member != NULL, NULL);

  out = g_string_sized_new (256);
  writer = (Writer) {
    .out = out,
    .members = g_array_sized_new (FALSE, FALSE, sizeof (Member), 64),
    .frames = g_array_sized_new (FALSE, FALSE, sizeof (Frame), 16),
    .skip = member,
  };
  begin_object (&writer, object);
  run_frames (&writer);
  g_array_unref (writer.members);
  g_array_unref (writer.frames);
  digest = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) out->str, out->len);
  g_string_free (out, TRUE);

  return digest;
}

void
pf_json_append_number (GString *out,
                       double   value)
{
  g_return_if_fail (out != NULL);

  append_number (out, value);
}

void
pf_json_append_string (GString    *out,
                       const char *str)
{
  g_return_if_fail (out != NULL);
  g_return_if_fail (str != NULL);

  append_string (out, str);
}

void
pf_json_append_pretty (GString  *out,
                       JsonNode *node)
{
  g_return_if_fail (out != NULL);

  write_tree (out, node, TRUE);
  g_string_append_c (out, '\n');
}

/**
 * pf_json_append_pretty_with_raw:
 * @member: a member of the top-level object of @node holding an array
 * @text: the text @spans point into
 * @spans: (array length=n_spans): elements to write, as they are, before
 *   the array's own
 *
 * Like pf_json_append_pretty(), for a tree whose array @member still has
 * elements that were never parsed (see pf_json_parse_with_raw_member()).
 */
void
pf_json_append_pretty_with_raw (GString          *out,
                                JsonNode         *node,
                                const char       *member,
                                const char       *text,
                                const PfJsonSpan *spans,
                                guint             n_spans)
{
  Writer writer = {
    .out = out,
    .members = g_array_sized_new (FALSE, FALSE, sizeof (Member), 64),
    .frames = g_array_sized_new (FALSE, FALSE, sizeof (Frame), 16),
    .pretty = TRUE,
    .raw_member = member,
    .raw_text = text,
    .raw_spans = spans,
    .n_raw_spans = n_spans,
  };

  g_return_if_fail (out != NULL);
  g_return_if_fail (member != NULL);
  g_return_if_fail (text != NULL || n_spans == 0);

  run_writer (&writer, node);
  g_string_append_c (out, '\n');

  g_array_unref (writer.members);
  g_array_unref (writer.frames);
}

/**
 * pf_json_to_pretty:
 * @node: (nullable): a tree, %NULL for JSON null
 *
 * @node as a project file writes it, see pf_json_append_pretty().
 */
char *
pf_json_to_pretty (JsonNode *node)
{
  GString *out = g_string_sized_new (4096);

  pf_json_append_pretty (out, node);

  return g_string_free (out, FALSE);
}

/**
 * pf_json_node_copy_deep:
 * @node: a tree
 *
 * json_node_copy() shares the objects and arrays of @node with the copy, so
 * changing one changes the other. This copies them too: for snapshots that
 * must not change afterwards, such as audit entries and undo records.
 *
 * Returns: (transfer full): a copy sharing nothing with @node
 */
JsonNode *
pf_json_node_copy_deep (JsonNode *node)
{
  g_return_val_if_fail (node != NULL, NULL);

  if (JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObject *object = json_node_get_object (node);
      JsonObject *copy = json_object_new ();
      g_autoptr(GList) members = json_object_get_members (object);

      for (const GList *l = members; l != NULL; l = l->next)
        json_object_set_member (copy, l->data, pf_json_node_copy_deep (json_object_get_member (object, l->data)));

      node = json_node_new (JSON_NODE_OBJECT);
      json_node_take_object (node, copy);
      return node;
    }

  if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);
      guint n = json_array_get_length (array);
      JsonArray *copy = json_array_sized_new (n);

      for (guint i = 0; i < n; i++)
        json_array_add_element (copy, pf_json_node_copy_deep (json_array_get_element (array, i)));

      node = json_node_new (JSON_NODE_ARRAY);
      json_node_take_array (node, copy);
      return node;
    }

  return json_node_copy (node);
}

/* Type-checked readers. */

static JsonNode *
get_value_member (JsonObject *object,
                  const char *member)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, member) : NULL;

  return node != NULL && JSON_NODE_HOLDS_VALUE (node) ? node : NULL;
}

const char *
pf_json_object_get_string (JsonObject *object,
                           const char *member,
                           const char *fallback)
{
  JsonNode *node = get_value_member (object, member);

  if (node == NULL || json_node_get_value_type (node) != G_TYPE_STRING)
    return fallback;
  return json_node_get_string (node);
}

gint64
pf_json_node_get_count (JsonNode *node,
                        gint64    fallback)
{
  double value;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node))
    return fallback;
  if (json_node_get_value_type (node) == G_TYPE_INT64)
    return json_node_get_int (node);
  if (json_node_get_value_type (node) != G_TYPE_DOUBLE)
    return fallback;
  value = json_node_get_double (node);
  /* Casting a double outside gint64's range is undefined behaviour; 2^63
   * itself is not in it. */
  if (!isfinite (value) || value >= 9223372036854775808.0 || value < -9223372036854775808.0)
    return fallback;
  return (gint64)value;
}

gint64
pf_json_object_get_count (JsonObject *object,
                          const char *member,
                          gint64      fallback)
{
  return pf_json_node_get_count (get_value_member (object, member), fallback);
}

double
pf_json_object_get_number (JsonObject *object,
                           const char *member,
                           double      fallback)
{
  JsonNode *node = get_value_member (object, member);

  if (node == NULL)
    return fallback;
  if (json_node_get_value_type (node) == G_TYPE_INT64)
    return (double)json_node_get_int (node);
  if (json_node_get_value_type (node) == G_TYPE_DOUBLE)
    return json_node_get_double (node);
  return fallback;
}

gboolean
pf_json_object_get_bool (JsonObject *object,
                         const char *member,
                         gboolean    fallback)
{
  JsonNode *node = get_value_member (object, member);

  if (node == NULL || json_node_get_value_type (node) != G_TYPE_BOOLEAN)
    return fallback;
  return json_node_get_boolean (node);
}

JsonObject *
pf_json_object_get_object (JsonObject *object,
                           const char *member)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, member) : NULL;

  return node != NULL && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

JsonArray *
pf_json_object_get_array (JsonObject *object,
                          const char *member)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, member) : NULL;

  return node != NULL && JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;
}

JsonObject *
pf_json_array_get_object (JsonArray *array,
                          guint      index)
{
  JsonNode *node;

  if (array == NULL || index >= json_array_get_length (array))
    return NULL;
  node = json_array_get_element (array, index);
  return JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

const char *
pf_json_array_get_string (JsonArray *array,
                          guint      index)
{
  JsonNode *node;

  if (array == NULL || index >= json_array_get_length (array))
    return NULL;
  node = json_array_get_element (array, index);
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

void
pf_json_builder_add_nullable_string (JsonBuilder *builder,
                                     const char  *name,
                                     const char  *value)
{
  json_builder_set_member_name (builder, name);
  if (value != NULL)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}
