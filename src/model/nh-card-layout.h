/* SPDX-License-Identifier: GPL-3.0-or-later */
/* nh-card-layout.h: the emergency card, specified once: every field, the
 * printed line it belongs to, where it goes and what may move */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  NH_CARD_KIND_TEXT,
  NH_CARD_KIND_MULTILINE,
  NH_CARD_KIND_DATE,
  NH_CARD_KIND_PHONE,
} NhCardKind;

typedef enum
{
  NH_CARD_FRONT,
  NH_CARD_BACK,
} NhCardSide;

/* What happens to a printed line when a card runs out of room: the lower,
 * the sooner it moves, whole, to the continuation. Essential lines are
 * never dropped or cut. */
typedef enum
{
  NH_CARD_PRIORITY_ESSENTIAL,
  NH_CARD_PRIORITY_HIGH,
  NH_CARD_PRIORITY_NORMAL,
  NH_CARD_PRIORITY_LOW,
} NhCardPriority;

/* How a field's text goes into its printed line. */
typedef enum
{
  NH_CARD_PART_VALUE,         /* the line's text; several are joined with ", " */
  NH_CARD_PART_RELATIONSHIP,  /* "Jane Doe (mother)" */
  NH_CARD_PART_MEASURED,      /* "18 kg (measured 12 Jan 2026)" */
  NH_CARD_PART_PHONE,         /* "Jane Doe (mother), +44 7700 900123" */
} NhCardPart;

typedef struct
{
  const char     *id;          /* as stored and as asked for: "centre_phone" */
  const char     *label;       /* untranslated; show it with _() */
  const char     *group;       /* which part of the editor it belongs in */
  NhCardKind      kind;
  NhCardSide      side;
  guint           max_chars;
  gboolean        required;

  /* The printed line: the card, the staff view, the QR code, the lock
   * screen and the letter. Fields of one line follow each other. */
  const char     *line;        /* "name", "contact1", "ig" … */
  const char     *line_label;  /* the line's label, untranslated; NULL: @label */
  NhCardPart      part;
  NhCardPriority  priority;    /* of the line */
  const char     *paragraph;   /* printed lines of one paragraph share it, to save room */
  const char     *section;     /* where staff look for it: "child", "diagnosis",
                                * "call", "allergies", "medicines", "todo" */
  guint           write_lines; /* on a blank card: lines to write on; 0: left off */
  gboolean        short_line;  /* on a blank card, shares its line with the next short one */
  gboolean        emphasis;    /* staff must not miss it: in bold */
  gboolean        prefilled;   /* the edition fills it in: printed on a blank card too */
  gboolean        in_qr;       /* one of the essentials in the wallet card's QR code */
} NhCardField;

const NhCardField *nh_card_layout_get_fields    (guint      *n_fields);
const NhCardField *nh_card_layout_find_field    (const char *id);
const NhCardField *nh_card_layout_find_line     (const char *line_id);
const char        *nh_card_layout_line_label    (const NhCardField *first);
const char * const *nh_card_layout_get_sections (void);
const char        *nh_card_layout_section_label (const char *section);

G_END_DECLS
