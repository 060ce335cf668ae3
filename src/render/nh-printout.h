/* SPDX-License-Identifier: GPL-3.0-or-later */
/* nh-printout.h: one interface for everything the app prints
 *
 * A printout has a title, the papers it takes (the first is its default),
 * and draws its pages on a page of any size; the print dialog, the PDF
 * export and the sheets for clinics all go through it.
 */
#pragma once

#include <cairo.h>
#include <glib-object.h>

#include "model/nh-card.h"
#include "model/nh-checklist-state.h"
#include "model/nh-clinic.h"
#include "model/nh-edition.h"
#include "model/nh-episode.h"
#include "model/nh-questions.h"
#include "model/nh-record.h"
#include "nh-paper.h"

G_BEGIN_DECLS

/* Page numbers for a printout that is part of a larger one (a booklet):
 * its first page is @first + 1 of @total. NULL where a function takes one:
 * the printout's own numbers, 1 of its own count. */
typedef struct
{
  guint first;
  guint total;
} NhPageNumbering;

typedef struct
{
  guint (*count_pages) (gpointer                data,
                        double                  width,
                        double                  height,
                        const NhPageNumbering  *numbering);
  void  (*draw_page)   (gpointer                data,
                        cairo_t                *cr,
                        double                  width,
                        double                  height,
                        guint                   page,
                        const NhPageNumbering  *numbering);
} NhPrintoutFuncs;

#define NH_TYPE_PRINTOUT (nh_printout_get_type ())

G_DECLARE_FINAL_TYPE (NhPrintout, nh_printout, NH, PRINTOUT, GObject)

NhPrintout          *nh_printout_new               (const char             *title,
                                                    const char * const     *papers,
                                                    const NhPrintoutFuncs  *funcs,
                                                    gpointer                data,
                                                    GDestroyNotify          destroy);
const char          *nh_printout_get_title         (NhPrintout             *self);
const char * const  *nh_printout_get_papers        (NhPrintout             *self);
const NhPaper       *nh_printout_get_default_paper (NhPrintout             *self);
gboolean             nh_printout_accepts_paper     (NhPrintout             *self,
                                                    const char             *paper_id);
const char          *nh_printout_get_kind          (NhPrintout             *self);
void                 nh_printout_set_kind          (NhPrintout             *self,
                                                    const char             *kind);
guint                nh_printout_count_pages       (NhPrintout             *self,
                                                    double                  width,
                                                    double                  height,
                                                    const NhPageNumbering  *numbering);
void                 nh_printout_draw_page         (NhPrintout             *self,
                                                    cairo_t                *cr,
                                                    double                  width,
                                                    double                  height,
                                                    guint                   page,
                                                    const NhPageNumbering  *numbering);
gboolean             nh_printout_write_pdf         (NhPrintout             *self,
                                                    const NhPaper          *paper,
                                                    const char             *path,
                                                    GError                **error);

/* One constructor per layout: nh-card-printout.c, nh-checklist-printout.c,
 * nh-booklet-printout.c, nh-letter-printout.c, nh-questions-printout.c,
 * nh-visit-report-printout.c. */
NhPrintout *nh_printout_new_card      (NhCard           *card,
                                       NhEdition        *edition,
                                       NhEdition        *second,
                                       gboolean          blank);
NhPrintout *nh_printout_new_checklist (NhEdition        *edition,
                                       NhChecklistState *state,
                                       NhClinic         *clinic,
                                       NhEpisode        *episode,
                                       NhCard           *card);
NhPrintout *nh_printout_new_booklet   (NhEdition        *edition);
NhPrintout *nh_printout_new_letter    (NhCard           *card,
                                       NhEdition        *edition);
NhPrintout *nh_printout_new_questions (NhQuestions      *questions,
                                       NhEdition        *edition,
                                       const char       *child_name);
NhPrintout *nh_printout_new_visit_report (NhRecord      *record,
                                          NhCard        *card,
                                          NhEdition     *edition,
                                          const char    *from,
                                          const char    *to);

G_END_DECLS
