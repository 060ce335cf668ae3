/* SPDX-License-Identifier: GPL-3.0-or-later */
/* nh-card.h: the child's emergency card: fields, validation, storage */
#pragma once

#include <gio/gio.h>

#include "nh-card-layout.h"
#include "nh-edition.h"
#include "nh-store.h"

G_BEGIN_DECLS

#define NH_CARD_ERROR (nh_card_error_quark ())

typedef enum
{
  NH_CARD_ERROR_CORRUPT,  /* the saved file could not be read; it was moved aside */
} NhCardError;

/* The version of card.json this code writes; newer files are not touched. */
#define NH_CARD_FORMAT         1
#define NH_CARD_FILE_NAME      "card.json"
#define NH_CARD_MAX_BYTES      (256 * 1024)
#define NH_CARD_MAX_DEPTH      16
#define NH_CARD_MAX_CONTACTS   4
/* How long after the last change the card is saved. */
#define NH_CARD_SAVE_DELAY_MS  300

typedef enum
{
  NH_CARD_CHECK_OK,
  NH_CARD_CHECK_REQUIRED,
  NH_CARD_CHECK_TOO_LONG,
  NH_CARD_CHECK_DATE_FORMAT,
  NH_CARD_CHECK_DATE_NOT_REAL,
  NH_CARD_CHECK_DATE_FUTURE,
  NH_CARD_CHECK_DATE_TOO_OLD,
  NH_CARD_CHECK_PHONE_CHARACTERS,
  NH_CARD_CHECK_PHONE_PLUS,
  NH_CARD_CHECK_PHONE_TOO_SHORT,
  NH_CARD_CHECK_PHONE_TOO_LONG,
  NH_CARD_CHECK_PHONE_EXTENSION,
} NhCardCheck;

/* One line of the card as printed or shown: a label and its value, put
 * together from one or more fields. */
typedef struct
{
  const char *id;           /* "name", "centre_phone", "contact2", "ig" … */
  char       *label;        /* translated */
  char       *value;        /* NULL on a blank card: a line to write on;
                             * phone numbers in it are set apart for right-to-
                             * left text (nh_card_dup_phone_display()) */
  guint       write_lines;  /* on a blank card: how many lines to leave */
  gboolean    emphasis;     /* the lines staff must not miss */
  /* From the card's layout table (nh-card-layout.c): */
  NhCardPriority priority;  /* how soon it moves when room runs out */
  const char *paragraph;    /* lines of one paragraph share it on the card */
  const char *section;      /* where staff look for it */
  gboolean    short_line;   /* on a blank card, shares a line with the next short one */
  gboolean    in_qr;        /* one of the essentials in the QR code */
  char       *second_label; /* on a travel card, the label in the second language, or NULL */
} NhCardEntry;

void nh_card_entry_free (NhCardEntry *entry);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (NhCardEntry, nh_card_entry_free)

#define NH_TYPE_CARD (nh_card_get_type ())

G_DECLARE_FINAL_TYPE (NhCard, nh_card, NH, CARD, GObject)

GQuark             nh_card_error_quark      (void);

const NhCardField *nh_card_get_fields       (guint              *n_fields);
const NhCardField *nh_card_find_field       (const char         *id);
NhCardCheck        nh_card_check_value      (const NhCardField  *field,
                                             const char         *value,
                                             GDate              *today,
                                             char              **message);
gboolean           nh_card_parse_date       (const char         *text,
                                             GDate              *date);
char              *nh_card_dup_phone_display (const char        *phone);
char              *nh_card_format_date      (const char         *text,
                                             NhEdition          *edition);

NhCard            *nh_card_new              (NhStore            *store);
NhCard            *nh_card_copy             (NhCard             *self);
gboolean           nh_card_load             (NhCard             *self,
                                             GError            **error);
const char        *nh_card_get_backup_path  (NhCard             *self);
const GError      *nh_card_get_load_error   (NhCard             *self);
gboolean           nh_card_save             (NhCard             *self,
                                             GError            **error);
gboolean           nh_card_flush            (NhCard             *self,
                                             GError            **error);
gboolean           nh_card_get_dirty        (NhCard             *self);
void               nh_card_prefill          (NhCard             *self,
                                             NhEdition          *edition);

const char        *nh_card_get_text         (NhCard             *self,
                                             const char         *field_id);
void               nh_card_set_text         (NhCard             *self,
                                             const char         *field_id,
                                             const char         *text);
gboolean           nh_card_has_text         (NhCard             *self,
                                             const char         *field_id);
gboolean           nh_card_is_empty         (NhCard             *self);
NhCardCheck        nh_card_check            (NhCard             *self,
                                             const char         *field_id,
                                             char              **message);
guint              nh_card_count_problems   (NhCard             *self);

guint              nh_card_get_revision     (NhCard             *self);
const char        *nh_card_get_updated      (NhCard             *self);
gboolean           nh_card_get_show_qr      (NhCard             *self);
void               nh_card_set_show_qr      (NhCard             *self,
                                             gboolean            show_qr);
const char        *nh_card_get_paper        (NhCard             *self);
void               nh_card_set_paper        (NhCard             *self,
                                             const char         *paper_id);

gboolean           nh_card_get_lock_screen_shows (NhCard        *self,
                                                  const char    *section);
void               nh_card_set_lock_screen_shows (NhCard        *self,
                                                  const char    *section,
                                                  gboolean       shown);

GPtrArray         *nh_card_dup_entries      (NhCard             *self,
                                             NhEdition          *edition,
                                             NhCardSide          side,
                                             gboolean            blank);
char              *nh_card_dup_footer       (NhCard             *self,
                                             NhEdition          *edition,
                                             gboolean            blank);
char              *nh_card_dup_text         (NhCard             *self,
                                             NhEdition          *edition);
char              *nh_card_dup_qr_text      (NhCard             *self,
                                             NhEdition          *edition,
                                             NhCardPriority      up_to);
GStrv              nh_card_dup_phone_contacts (NhCard           *self,
                                               NhEdition        *edition);

G_END_DECLS
