/* SPDX-License-Identifier: GPL-3.0-or-later */
/* nh-application.h: the application: settings, the edition, command line */
#pragma once

#include <adwaita.h>

#include "model/nh-card.h"
#include "model/nh-checklist-state.h"
#include "model/nh-edition.h"
#include "model/nh-edition-library.h"
#include "model/nh-family.h"
#include "model/nh-store.h"

G_BEGIN_DECLS

#define NH_TYPE_APPLICATION (nh_application_get_type ())

G_DECLARE_FINAL_TYPE (NhApplication, nh_application, NH, APPLICATION, AdwApplication)

#define NH_APPLICATION_DEFAULT (NH_APPLICATION (g_application_get_default ()))

#define NH_TEXT_SCALE_MIN  0.8
#define NH_TEXT_SCALE_MAX  2.0
#define NH_TEXT_SCALE_STEP 0.1

NhApplication *nh_application_new            (const char        *application_id,
                                              GApplicationFlags  flags);
GSettings     *nh_application_get_settings   (NhApplication     *self);
NhEdition     *nh_application_get_edition    (NhApplication     *self);
GtkWindow     *nh_application_open_window    (NhApplication     *self);
NhStore       *nh_application_get_store      (NhApplication     *self);
NhChecklistState *nh_application_get_checklist_state (NhApplication *self,
                                                      GError       **error);
char          *nh_application_steal_checklist_backup (NhApplication *self);
NhCard        *nh_application_get_card       (NhApplication     *self);
NhFamily      *nh_application_get_family     (NhApplication     *self);
NhChild       *nh_application_get_child      (NhApplication     *self);
void           nh_application_reload_family  (NhApplication     *self);
void           nh_application_set_language   (NhApplication     *self,
                                              const char        *language);
char          *nh_application_dup_language   (NhApplication     *self);
NhEditionLibrary *nh_application_get_edition_library (NhApplication *self);
const char    *nh_application_get_edition_id (NhApplication     *self);
void           nh_application_use_edition    (NhApplication     *self,
                                              const char        *id);
gboolean       nh_application_remove_edition (NhApplication     *self,
                                              const char        *id,
                                              GError           **error);
char          *nh_application_steal_edition_fallback (NhApplication *self);
void           nh_application_open_edition_file (NhApplication  *self,
                                                 GFile          *file);

G_END_DECLS
