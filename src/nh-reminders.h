/* SPDX-License-Identifier: GPL-3.0-or-later */
/* nh-reminders.h: a desktop notification when a child's next infusion is due */
#pragma once

#include "nh-application.h"

G_BEGIN_DECLS

void  nh_reminders_start (NhApplication *app);
guint nh_reminders_check (NhApplication *app,
                          const char    *today);

G_END_DECLS
