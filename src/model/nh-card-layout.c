/* SPDX-License-Identifier: GPL-3.0-or-later */
/* nh-card-layout.c: the emergency card, specified once
 *
 * One table says, for every field of the card: its id and label, the
 * editor group it is typed in, the side of the card it is printed on, the
 * printed line it is part of (a contact's name, relationship and phone
 * make one line), how important that line is when room runs out, where
 * staff find it, and whether it is one of the essentials in the QR code.
 * The editor, the staff view, every printout of the card, the QR text, the
 * lock-screen image and the school letter all read it; adding a field is
 * one row here.
 *
 * The order is the editor's and the card's: most important first on each
 * side.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "nh-card-layout.h"

#define F NH_CARD_FRONT
#define B NH_CARD_BACK
#define TEXT NH_CARD_KIND_TEXT
#define MULTI NH_CARD_KIND_MULTILINE
#define DATE NH_CARD_KIND_DATE
#define PHONE NH_CARD_KIND_PHONE
#define VALUE NH_CARD_PART_VALUE
#define REL NH_CARD_PART_RELATIONSHIP
#define MEASURED NH_CARD_PART_MEASURED
#define TEL NH_CARD_PART_PHONE
#define ESSENTIAL NH_CARD_PRIORITY_ESSENTIAL
#define HIGH NH_CARD_PRIORITY_HIGH
#define NORMAL NH_CARD_PRIORITY_NORMAL
#define LOW NH_CARD_PRIORITY_LOW

#define CONTACT(n) \
  { "contact" #n "_name", N_("Name"), "contact" #n, TEXT, F, 50, FALSE, \
    "contact" #n, N_("Emergency contact"), VALUE, ESSENTIAL, "contacts", "call", n <= 2 ? 1 : 0, FALSE, FALSE, FALSE, TRUE }, \
  { "contact" #n "_relationship", N_("Relationship"), "contact" #n, TEXT, F, 30, FALSE, \
    "contact" #n, NULL, REL, ESSENTIAL, "contacts", "call", 0, FALSE, FALSE, FALSE, TRUE }, \
  { "contact" #n "_phone", N_("Phone"), "contact" #n, PHONE, F, 32, FALSE, \
    "contact" #n, NULL, TEL, ESSENTIAL, "contacts", "call", 0, FALSE, FALSE, FALSE, TRUE }

/*  id                       label                          group       kind   side max  req
 *  line           line label                     part      priority   paragraph  section  write short  bold  prefilled qr */
static const NhCardField fields[] = {
  { "child_name", N_("Child’s name"), "child", TEXT, F, 60, TRUE,
    "name", N_("Name"), VALUE, ESSENTIAL, "child", "child", 1, FALSE, TRUE, FALSE, TRUE },
  { "birth_date", N_("Date of birth"), "child", DATE, F, 10, FALSE,
    "birth_date", NULL, VALUE, HIGH, "child", "child", 1, TRUE, FALSE, FALSE, TRUE },
  { "weight", N_("Weight"), "child", TEXT, F, 16, FALSE,
    "weight", NULL, VALUE, HIGH, "child", "child", 1, TRUE, FALSE, FALSE, FALSE },
  { "weight_date", N_("Weight measured on"), "child", DATE, F, 10, FALSE,
    "weight", NULL, MEASURED, HIGH, "child", "child", 0, FALSE, FALSE, FALSE, FALSE },
  { "diagnosis", N_("Diagnosis"), "child", MULTI, F, 160, FALSE,
    "diagnosis", NULL, VALUE, ESSENTIAL, "diagnosis", "diagnosis", 1, FALSE, TRUE, TRUE, TRUE },
  { "centre_name", N_("Immunology centre"), "centre", TEXT, F, 70, FALSE,
    "centre_name", NULL, VALUE, ESSENTIAL, "centre", "call", 1, FALSE, FALSE, FALSE, FALSE },
  { "centre_phone", N_("24-hour phone"), "centre", PHONE, F, 32, FALSE,
    "centre_phone", NULL, VALUE, ESSENTIAL, "centre", "call", 1, FALSE, TRUE, FALSE, TRUE },
  { "hospital", N_("Hospital"), "centre", TEXT, F, 70, FALSE,
    "hospital", NULL, VALUE, NORMAL, "hospital", "call", 1, FALSE, FALSE, FALSE, FALSE },
  CONTACT (1),
  CONTACT (2),
  CONTACT (3),
  CONTACT (4),
  { "gp_name", N_("GP or family doctor"), "doctor", TEXT, F, 60, FALSE,
    "gp", NULL, VALUE, NORMAL, "gp", "call", 1, FALSE, FALSE, FALSE, FALSE },
  { "gp_phone", N_("Doctor’s phone"), "doctor", PHONE, F, 32, FALSE,
    "gp", NULL, TEL, NORMAL, "gp", "call", 0, FALSE, FALSE, FALSE, FALSE },
  { "allergies", N_("Allergies and reactions"), "medicines", MULTI, B, 200, FALSE,
    "allergies", NULL, VALUE, ESSENTIAL, "allergies", "allergies", 2, FALSE, TRUE, FALSE, TRUE },
  { "ig_product", N_("Product"), "ig", TEXT, B, 50, FALSE,
    "ig", N_("Immunoglobulin"), VALUE, HIGH, "ig", "medicines", 1, TRUE, FALSE, FALSE, TRUE },
  { "ig_route", N_("How it is given (route)"), "ig", TEXT, B, 30, FALSE,
    "ig", NULL, VALUE, HIGH, "ig", "medicines", 0, FALSE, FALSE, FALSE, TRUE },
  { "ig_interval", N_("Usual interval"), "ig", TEXT, B, 40, FALSE,
    "ig", NULL, VALUE, HIGH, "ig", "medicines", 0, FALSE, FALSE, FALSE, TRUE },
  { "ig_last_dose", N_("Last immunoglobulin dose"), "ig", DATE, B, 10, FALSE,
    "ig_last_dose", NULL, VALUE, NORMAL, "ig", "medicines", 1, TRUE, FALSE, FALSE, FALSE },
  { "antibiotics", N_("Preventive antibiotics"), "medicines", MULTI, B, 200, FALSE,
    "antibiotics", NULL, VALUE, HIGH, "antibiotics", "medicines", 1, FALSE, FALSE, FALSE, TRUE },
  { "medicines", N_("Other medicines"), "medicines", MULTI, B, 200, FALSE,
    "medicines", NULL, VALUE, NORMAL, "medicines", "medicines", 1, FALSE, FALSE, FALSE, FALSE },
  { "staff_notes", N_("Notes for staff"), "staff", MULTI, B, 300, FALSE,
    "staff_notes", NULL, VALUE, LOW, "staff_notes", "todo", 2, FALSE, FALSE, FALSE, FALSE },
};

/* Where staff look, in the order they look: also the lock-screen image's
 * switches. */
static const struct {
  const char *id;
  const char *label;
} sections[] = {
  { "child", N_("The child") },
  { "diagnosis", N_("Diagnosis") },
  { "todo", N_("Notes for staff") },
  { "call", N_("Who to call") },
  { "allergies", N_("Allergies and reactions") },
  { "medicines", N_("Medicines") },
};

/* Returns: (array length=n_fields): every field, in the editor's and the card's order */
const NhCardField *
nh_card_layout_get_fields (guint *n_fields)
{
  g_return_val_if_fail (n_fields != NULL, NULL);

  *n_fields = G_N_ELEMENTS (fields);

  return fields;
}

/* Returns: (nullable): the field, or NULL for an unknown id */
const NhCardField *
nh_card_layout_find_field (const char *id)
{
  g_return_val_if_fail (id != NULL, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    if (g_str_equal (fields[i].id, id))
      return &fields[i];

  return NULL;
}

/* Returns: (nullable): the first field of a printed line, or NULL */
const NhCardField *
nh_card_layout_find_line (const char *line_id)
{
  g_return_val_if_fail (line_id != NULL, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    if (g_str_equal (fields[i].line, line_id))
      return &fields[i];

  return NULL;
}

/* The untranslated label of the printed line that @first starts. */
const char *
nh_card_layout_line_label (const NhCardField *first)
{
  g_return_val_if_fail (first != NULL, NULL);

  return first->line_label != NULL ? first->line_label : first->label;
}

/* Returns: (array zero-terminated=1): the ids of the
 * sections, in the order staff read them */
const char * const *
nh_card_layout_get_sections (void)
{
  static const char * const ids[] = {
    "child", "diagnosis", "todo", "call", "allergies", "medicines", NULL
  };

  G_STATIC_ASSERT (G_N_ELEMENTS (ids) == G_N_ELEMENTS (sections) + 1);

  return ids;
}

/* Returns: (nullable): the untranslated name of a section */
const char *
nh_card_layout_section_label (const char *section)
{
  g_return_val_if_fail (section != NULL, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (sections); i++)
    if (g_str_equal (sections[i].id, section))
      return sections[i].label;

  return NULL;
}
