/* SPDX-License-Identifier: GPL-3.0-or-later */
/* nh-section-page.h: one handbook section laid out for reading */
#pragma once

#include <adwaita.h>

#include "model/nh-edition.h"

G_BEGIN_DECLS

#define NH_TYPE_SECTION_PAGE (nh_section_page_get_type ())

G_DECLARE_FINAL_TYPE (NhSectionPage, nh_section_page, NH, SECTION_PAGE, AdwBin)

NhSectionPage *nh_section_page_new             (NhEdition     *edition,
                                                NhSection     *section);
NhSection     *nh_section_page_get_section     (NhSectionPage *self);
void           nh_section_page_set_max_width   (NhSectionPage *self,
                                                int            width);
void           nh_section_page_scroll_to_block (NhSectionPage *self,
                                                guint          block_index);

guint          nh_section_page_get_top_block    (NhSectionPage *self);
gboolean       nh_section_page_scroll_block_to_top (NhSectionPage *self,
                                                 guint          block_index);
guint          nh_section_page_get_n_blocks_shown (NhSectionPage *self);
GtkWidget     *nh_section_page_get_block_widget (NhSectionPage *self,
                                                 guint          block_index);

G_END_DECLS
