/* SPDX-License-Identifier: GPL-3.0-or-later */
/* nh-checklist-page.h: the "infection suspected" checklist on screen */
#pragma once

#include <adwaita.h>

#include "model/nh-checklist-state.h"
#include "model/nh-edition.h"

G_BEGIN_DECLS

#define NH_TYPE_CHECKLIST_PAGE (nh_checklist_page_get_type ())

G_DECLARE_FINAL_TYPE (NhChecklistPage, nh_checklist_page, NH, CHECKLIST_PAGE, AdwBin)

NhChecklistPage *nh_checklist_page_new          (NhEdition          *edition,
                                                 NhChecklistState   *state,
                                                 NhEpisode          *episode);
NhEpisode       *nh_checklist_page_get_episode  (NhChecklistPage    *self);
void             nh_checklist_page_set_contacts (NhChecklistPage    *self,
                                                 const char * const *contacts);
void             nh_checklist_page_print        (NhChecklistPage    *self,
                                                 gboolean            blank);

G_END_DECLS
