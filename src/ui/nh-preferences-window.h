/* SPDX-License-Identifier: GPL-3.0-or-later */
/* nh-preferences-window.h: preferences: the language and the edition of the handbook */
#pragma once

#include <adwaita.h>

#include "nh-application.h"

G_BEGIN_DECLS

#define NH_TYPE_PREFERENCES_WINDOW (nh_preferences_window_get_type ())

G_DECLARE_FINAL_TYPE (NhPreferencesWindow, nh_preferences_window, NH, PREFERENCES_WINDOW, AdwPreferencesWindow)

NhPreferencesWindow *nh_preferences_window_new   (NhApplication *application);
const char          *nh_language_get_native_name (const char    *language);

G_END_DECLS
