/* SPDX-License-Identifier: GPL-3.0-or-later */
/* nh-paper.h: the named paper sizes printouts come in */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct
{
  const char *id;       /* as on the command line: "a4", "id1" */
  const char *name;     /* for people, untranslated: "A4", "Wallet card (ID-1)" */
  double      width;    /* points, portrait */
  double      height;
} NhPaper;

#define NH_MM_TO_PT(mm) ((mm) * 72.0 / 25.4)

const NhPaper *nh_paper_lookup  (const char *id);
char          *nh_paper_list_ids (const char * const *ids);
const NhPaper *nh_paper_for_size (const char * const *ids,
                                  double              width,
                                  double              height);

G_END_DECLS
