/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Personal data in a dataset: detectors for values and classifiers for
 * column names.
 *
 * The value detectors run on every field of files with millions of rows:
 * they look at bytes, reject on the first byte that cannot belong, allocate
 * nothing and use no regular expressions. A value is a slice of a record
 * (not NUL-terminated); white space (space, tab, CR, LF) around it is
 * ignored. Only ASCII is recognised: a value with other bytes, valid UTF-8
 * or not, matches no kind (internationalised e-mail addresses included).
 *
 *  - E-mail: local@domain. The local part is dot-separated atoms of
 *    letters, digits and !#$%&'*+/=?^_`{|}~- (no quoted local parts, no
 *    leading, trailing or doubled dot), at most 64 bytes; the domain has at
 *    least two labels of letters, digits and inner hyphens (1–63 bytes
 *    each), a top-level label of at least two letters (or "xn--…"), and the
 *    whole address is at most 254 bytes. Address literals (user@[1.2.3.4])
 *    are not recognised.
 *
 *  - Phone: 7–15 digits (the E.164 maximum) separated by single spaces,
 *    hyphens, dots or slashes, with at most one pair of parentheses around
 *    1–5 digits ("(030) 123 4567", "+44 (0)20 7946 0958"). Because a column
 *    of amounts or ids must not look like phone numbers, the digits alone
 *    are not enough; the value must also be phone-like:
 *      · it starts with "+" and a digit other than 0 (E.164); without any
 *        separator it needs at least 9 digits (so "+1234567", a signed
 *        amount, is not a phone number);
 *      · it starts with "(" (an area code);
 *      · it starts with "00" and a digit other than 0 (international
 *        prefix) and has at least 9 digits;
 *      · it starts with "0" and a digit other than 0 (national trunk
 *        prefix, "030 1234567"): 7 digits with separators, 9 without
 *        ("0301234567" is a phone number, "0004711" is not);
 *      · or it has the North American shape 3-3-4 or 1-3-3-4
 *        ("202-555-0143", "1 202 555 0143").
 *    Never a phone number: plain integers without a prefix (1234567, 4711),
 *    dates (groups 4-2-2, 2-2-4, 4-1-1, 1-1-4… with any separator), decimals
 *    (two groups with a dot), dotted quads (four groups of at most 3 digits
 *    separated by dots) and anything with other characters (letters, ":",
 *    ",", extensions like "x12").
 *
 *  - IBAN (ISO 13616): country code, two check digits 02–98, the BBAN; the
 *    length must be the one registered for the country (SWIFT IBAN
 *    registry, 2024; territories that use their country's format, such as
 *    Åland, Guernsey or Réunion, under their own codes too), the BBAN of
 *    countries whose BBAN is all digits must be digits, and the number
 *    must be 1 modulo 97. Written either without
 *    spaces or in the print form with a single space after every group of
 *    four. Lower-case letters are accepted (data entered by hand).
 *
 *  - Payment card: 13–19 digits, either without separators or in groups
 *    separated by single spaces or single hyphens (one kind only), Luhn
 *    valid, and a known issuer prefix with a length that issuer uses:
 *    Visa 4 (13, 16, 19); Mastercard 51–55 and 2221–2720 (16); American
 *    Express 34, 37 (15); Discover 6011, 644–649, 65 (16–19); Diners Club
 *    300–305, 36, 38 (14–19); JCB 3528–3589 (16–19); UnionPay 62 (16–19);
 *    Maestro 5018, 5020, 5038, 5893, 6304, 6759, 6761–6763 (13–19).
 *
 *  - IP: an IPv4 dotted quad (each part 0–255 in decimal, no leading zero
 *    except "0" itself) or an IPv6 address in the text forms of RFC 4291
 *    §2.2: eight groups of 1–4 hex digits, one "::" for a run of zero
 *    groups, and an IPv4 tail in place of the last two groups. Zone ids
 *    ("%eth0"), prefixes ("/64") and brackets are not part of an address
 *    and do not match.
 */
typedef enum
{
  PF_PII_EMAIL,
  PF_PII_PHONE,
  PF_PII_IBAN,
  PF_PII_CARD,
  PF_PII_IP,
  PF_PII_N_VALUE_KINDS
} PfPiiValueKind;

guint        pf_pii_match_value         (const char     *value,
                                         gsize           length);
gboolean     pf_pii_is_email            (const char     *value,
                                         gsize           length);
gboolean     pf_pii_is_phone            (const char     *value,
                                         gsize           length);
gboolean     pf_pii_is_iban             (const char     *value,
                                         gsize           length);
gboolean     pf_pii_is_card             (const char     *value,
                                         gsize           length);
gboolean     pf_pii_is_ip               (const char     *value,
                                         gsize           length);
const char  *pf_pii_value_kind_id       (PfPiiValueKind  kind);
const char  *pf_pii_value_kind_describe (PfPiiValueKind  kind);

/* Column names.
 *
 * A name is split into lower-case words at underscores, hyphens, spaces,
 * dots, any other ASCII punctuation, between letters and digits and at
 * camelCase humps ("dateOfBirth", "IPAddress" → "ip address"). German
 * umlauts and ß are folded (ä → ae, ö → oe, ü → ue, ß → ss), so "Straße"
 * and "strasse" are the same word. Other non-ASCII letters stay part of
 * their word as they are. Only the first 32 words of up to 31 bytes count.
 *
 * German compounds are listed both as one word and, where people write
 * them so, as two ("Telefon-Nummer", "Haus-Nummer").
 *
 * Phrases match whole words in sequence, never parts of words:
 * "dobson_score" is not a birth date, "addressable_market" not an address.
 * Reading from the left, the longest phrase that matches at a word wins and
 * its words are consumed; the first phrase of a kind other than "none"
 * decides. Phrases of kind "none" exist to consume words that would
 * otherwise match ("user name", "mac address", "post code" for leakage).
 *
 * A name that also holds a word for a property of the data is NONE: it
 * describes personal data rather than holding it ("email_verified",
 * "num_phones", "has_passport", "address_type", "name_length"). Those words:
 * is, has, verified, valid, validated, count, cnt, num, sent, opened,
 * clicked, clicks, calls, bounced, opt, optin, optout, consent, flag,
 * provided, missing, length, len, type, status, domain, provider, changed,
 * updated.
 *
 * PERSON_NAME: first/last/given/family/middle/maiden/full/nick name (also
 *   written as one word: firstname, lastname, surname, forename…), vorname,
 *   nachname, familienname, geburtsname, "name" after a word for a person
 *   (customer, client, patient, person, contact, employee, member, holder,
 *   cardholder, account holder, owner, applicant, student, passenger,
 *   guest, recipient, sender, beneficiary, spouse, parent, mother, father,
 *   guardian; German kunde, kunden, patient), and a column called just
 *   "name", "names" or "name" with a number. Any other "… name" is not a
 *   person's name: file, product, column, host, company, brand, display,
 *   user, screen, login, account, domain, table, field, city, country,
 *   street… Decision: "username"/"user name"/"login"/"screen name" are
 *   account handles, not names; they are NONE here (identifier-like values
 *   are found by the type inference instead).
 *
 * ADDRESS: address, addresses, addr, address line, adresse, anschrift,
 *   street, strasse, street address, house number, hausnummer, zip, zip
 *   code, zipcode, postcode, post code, postal code, postalcode, plz,
 *   postleitzahl, billing/shipping/home/delivery/postal/mailing address,
 *   wohnort, wohnadresse. Decision: city, town, state, region and country
 *   are NONE: coarse geography is a quasi-identifier the user may choose for
 *   the re-identification measure, not an address. "email address",
 *   "ip address" are CONTACT; "mac address", "web address" and "url" NONE.
 *
 * BIRTH_DATE: birth date, birthdate, date of birth, dateofbirth, dob,
 *   birthday, birth day, birth dt, birth year, birthyear, year of birth,
 *   yob, born, geburtsdatum, geburtstag, geburtsjahr (also as two words,
 *   "Geburts-Datum"). Decision: "age" is NONE: an age is far coarser than
 *   a birth date and is a quasi-identifier the user may choose.
 *
 * NATIONAL_ID: ssn, social security (number/no), social insurance number,
 *   national id, national identifier, national identity number, national
 *   insurance (number), nino, nin, passport (number/no), tax id, taxid,
 *   tax number, tax identification number, steuer id, steuerid,
 *   steuernummer, steueridentifikationsnummer, personalausweis
 *   (nummer), ausweis (nummer), id card, idcard, identity card, identity
 *   number, insurance number, health insurance number,
 *   krankenversicherungsnummer, sozialversicherungsnummer, svnr, sv nummer,
 *   driver(s) license/licence, driving licence/license, fuehrerschein,
 *   personnummer, bsn.
 *
 * CONTACT: email, emails, e mail, email address, emailaddress, mail address,
 *   mail (only as the whole name), phone, phones, phone number, phonenumber,
 *   telephone, tel, telefon, telefonnummer, mobile, cell, handy (these three
 *   only as the whole name or with number/phone/no/nr: "is_mobile" is a
 *   device flag), mobile number, mobile phone, cellphone, cell phone,
 *   handynummer, mobilnummer, fax, faxnummer, ip, ip address, ipaddress, ip
 *   addr, ipv4, ipv6.
 */
typedef enum
{
  PF_PII_NAME_NONE,
  PF_PII_NAME_PERSON_NAME,
  PF_PII_NAME_ADDRESS,
  PF_PII_NAME_BIRTH_DATE,
  PF_PII_NAME_NATIONAL_ID,
  PF_PII_NAME_CONTACT,
  PF_PII_N_NAME_KINDS
} PfPiiNameKind;

PfPiiNameKind pf_pii_classify_column_name (const char    *name);
const char   *pf_pii_name_kind_id         (PfPiiNameKind  kind);
const char   *pf_pii_name_kind_describe   (PfPiiNameKind  kind);

/* Leakage by name: whether a column's name hints at information that is
 * only known after the event being predicted. Returns the matched words,
 * separated by single spaces ("end date"), as a static string, or NULL.
 * Words are split as for pf_pii_classify_column_name() and only whole words
 * match: "postcode" is not "post", "resulting" is not "result", "default"
 * (a setting) is not "defaulted".
 *
 * The words, grouped by why they hint at the future:
 *  - the outcome itself or a label derived from it: outcome, result,
 *    results, label, target, resolution, resolved, converted, defaulted;
 *  - the event ended or was undone: cancellation, cancelled, canceled,
 *    closed, closure, churned, churn date, since churn, termination,
 *    terminated, exit, exited, end date (enddate), discharge, discharged;
 *  - money that moves after a sale or claim: refund, refunded, refunds,
 *    chargeback, chargebacks, charged back, returned, settled, settlement,
 *    paid, payout;
 *  - time words: after, post (but not post code, post box, post office or
 *    a post in the sense of a message: post id, post count, post title,
 *    post text, post type), final, actual, future.
 *
 * "target" and "label" name the target column itself more often than not:
 * the caller does not ask about the column it predicts.
 */
const char   *pf_leak_post_event_hint     (const char    *column_name);

G_END_DECLS
