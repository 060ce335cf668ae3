/* SPDX-License-Identifier: GPL-3.0-or-later */
/* nh-checklist-render.h: the "infection suspected" checklist on paper */
#pragma once

#include <cairo.h>

#include "model/nh-card.h"
#include "model/nh-edition.h"
#include "model/nh-episode.h"
#include "nh-paper.h"

G_BEGIN_DECLS

typedef struct
{
  NhEdition          *edition;
  NhEpisode          *episode;       /* NULL: blank, for clinics to hand out */
  const char         *clinic_text;   /* the clinic's own instruction, or "" */
  const char         *clinic_phone;
  const char * const *contacts;      /* "Immunology team\t+44 …" lines; ignored when blank */
  /* Inside a booklet, its page numbers: the checklist's first page is
   * @first_page + 1 of @total_pages. Both 0: the checklist's own. */
  guint               first_page;
  guint               total_pages;
  /* The clinic's name (NULL: "Clinic"), and the name of the language its
   * instruction is in when that is not the checklist's (NULL: it is). */
  const char         *clinic_name;
  const char         *clinic_language_name;
  /* Who a filled checklist is about (nh-identity-block.c); NULL or an
   * empty card gives lines to write on. Not used when blank. */
  NhCard             *card;
} NhChecklistDoc;

guint    nh_checklist_render_count_pages (const NhChecklistDoc  *doc,
                                          double                 width,
                                          double                 height);
void     nh_checklist_render_page        (const NhChecklistDoc  *doc,
                                          cairo_t               *cr,
                                          double                 width,
                                          double                 height,
                                          guint                  page);
gboolean nh_checklist_render_export      (const NhChecklistDoc  *doc,
                                          const NhPaper         *paper,
                                          const char            *path,
                                          GError               **error);

G_END_DECLS
