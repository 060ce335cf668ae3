/* SPDX-License-Identifier: GPL-3.0-or-later */
/* nh-edition.h: a handbook edition: metadata and sections, loaded from JSON */
#pragma once

#include <gio/gio.h>

#include "nh-catalog.h"
#include "nh-checklist-tier.h"
#include "nh-section.h"

G_BEGIN_DECLS

#define NH_EDITION_ERROR (nh_edition_error_quark ())

typedef enum
{
  NH_EDITION_ERROR_READ,     /* the file cannot be read */
  NH_EDITION_ERROR_INVALID,  /* syntax or content problems; see the message */
} NhEditionError;

/* Limits that keep a hostile or broken file from hurting the app. */
#define NH_EDITION_MAX_BYTES      (4 * 1024 * 1024)
#define NH_EDITION_MAX_DEPTH      32
#define NH_EDITION_MAX_TEXT_CHARS 8000
#define NH_EDITION_MAX_ITEMS      200

typedef enum
{
  NH_PROBLEM_ERROR,
  NH_PROBLEM_WARNING,
} NhProblemSeverity;

typedef struct
{
  NhProblemSeverity  severity;
  char              *path;     /* JSON path such as "sections[2].title", "" for the document */
  char              *message;  /* plain words */
  int                line;     /* 0 when unknown */
  int                column;   /* 0 when unknown */
} NhEditionProblem;

NhEditionProblem *nh_edition_problem_new_valist (NhProblemSeverity  severity,
                                                const char        *path,
                                                const char        *format,
                                                va_list            args) G_GNUC_PRINTF (3, 0);
void nh_edition_problem_free (NhEditionProblem *problem);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (NhEditionProblem, nh_edition_problem_free)

typedef struct
{
  char *kind;     /* helpline, emergency, centre or other */
  char *name;
  char *phone;    /* nullable */
  char *website;  /* nullable; shown in full, never a hidden link */
  char *note;     /* nullable */
  gboolean on_card;  /* printed on the back of a blank card */
} NhEditionContact;

#define NH_TYPE_EDITION (nh_edition_get_type ())

G_DECLARE_FINAL_TYPE (NhEdition, nh_edition, NH, EDITION, GObject)

GQuark      nh_edition_error_quark         (void);
NhEdition  *nh_edition_new_from_bytes      (GBytes      *bytes,
                                            GError     **error);
NhEdition  *nh_edition_new_from_file       (GFile       *file,
                                            GError     **error);
NhEdition  *nh_edition_new_builtin         (GError     **error);
NhEdition  *nh_edition_new_builtin_translated (NhCatalog *catalog,
                                               GError   **error);
NhEdition  *nh_edition_new_from_bytes_translated (GBytes     *bytes,
                                                  NhCatalog  *catalog,
                                                  GError    **error);
GPtrArray  *nh_edition_check_bytes_translated (GBytes     *bytes,
                                               NhCatalog  *catalog,
                                               NhEdition **edition);
const char *nh_edition_get_translation_note (NhEdition *self);
const char *nh_edition_gettext              (NhEdition  *self,
                                             const char *msgid) G_GNUC_FORMAT (2);
char       *nh_edition_format_date          (NhEdition  *self,
                                             GDateTime  *time,
                                             gboolean    with_time);
gboolean    nh_edition_is_rtl               (NhEdition  *self);
const char *nh_edition_get_publisher         (NhEdition  *self);
const char *nh_edition_get_publisher_website (NhEdition  *self);
const char *nh_edition_get_publisher_contact (NhEdition  *self);
const char *nh_edition_get_reviewed_by       (NhEdition  *self);
const char *nh_edition_get_reviewed_on       (NhEdition  *self);
const char *nh_edition_get_based_on          (NhEdition  *self);
const char *nh_edition_get_based_on_title    (NhEdition  *self);
NhCatalog  *nh_edition_get_interface_catalog (NhEdition  *self);
guint       nh_edition_get_n_interface_strings (NhEdition *self);
guint       nh_edition_count_blocks_in_state (NhEdition  *self,
                                              const char *state);
guint       nh_edition_get_n_contacts        (NhEdition  *self);
const NhEditionContact *nh_edition_get_contact (NhEdition *self,
                                                guint      position);
char       *nh_edition_dup_stamp             (NhEdition  *self);
GPtrArray  *nh_edition_check_bytes         (GBytes      *bytes,
                                            NhEdition  **edition);
const char *nh_edition_get_id              (NhEdition   *self);
const char *nh_edition_get_title           (NhEdition   *self);
const char *nh_edition_get_language        (NhEdition   *self);
const char *nh_edition_get_version         (NhEdition   *self);
const char *nh_edition_get_last_reviewed   (NhEdition   *self);
const char *nh_edition_get_source_credit   (NhEdition   *self);
const char *nh_edition_get_disclaimer      (NhEdition   *self);
GListModel *nh_edition_get_sections        (NhEdition   *self);
guint       nh_edition_get_n_sections      (NhEdition   *self);
NhSection  *nh_edition_get_section         (NhEdition   *self,
                                            guint        position);
NhSection  *nh_edition_find_section        (NhEdition   *self,
                                            const char  *id,
                                            guint       *position);

const char      *nh_edition_get_checklist_title        (NhEdition  *self);
const char      *nh_edition_get_checklist_intro        (NhEdition  *self);
const char * const *nh_edition_get_checklist_search_words (NhEdition *self);
guint            nh_edition_get_n_checklist_tiers      (NhEdition  *self);
NhChecklistTier *nh_edition_get_checklist_tier         (NhEdition  *self,
                                                        guint       position);
const char      *nh_edition_find_checklist_item        (NhEdition  *self,
                                                        const char *item_id);
const char      *nh_edition_get_card_title             (NhEdition  *self);
const char      *nh_edition_get_card_diagnosis_default (NhEdition  *self);
const char * const *nh_edition_get_card_instructions   (NhEdition  *self);

G_END_DECLS
