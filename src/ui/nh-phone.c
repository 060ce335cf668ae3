/* SPDX-License-Identifier: GPL-3.0-or-later */
/* nh-phone.c: on a Linux phone, a phone number is a call button
 *
 * A phone shell is told by its session: Phosh (Librem 5, PinePhone, postmarketOS
 * and Mobian phones) puts "Phosh" in XDG_CURRENT_DESKTOP ("Phosh:GNOME"), and
 * Plasma Mobile sets PLASMA_PLATFORM to "phone…". There a "tel:" link opens
 * GNOME Calls or the shell's dialler; on a desktop, which cannot call, the
 * number is copied instead. NH_PHONE_SHELL=1 or 0 overrides the guess (for
 * tests, and for a phone shell this does not know).
 */

#include "config.h"

#include <string.h>

#include "nh-phone.h"

gboolean
nh_phone_shell_detected (void)
{
  const char *forced = g_getenv ("NH_PHONE_SHELL");
  const char *desktop = g_getenv ("XDG_CURRENT_DESKTOP");
  const char *plasma = g_getenv ("PLASMA_PLATFORM");

  if (forced != NULL && *forced)
    return g_str_equal (forced, "1");

  if (desktop != NULL)
    {
      g_auto(GStrv) names = g_strsplit (desktop, ":", -1);

      for (guint i = 0; names[i]; i++)
        if (g_ascii_strcasecmp (names[i], "Phosh") == 0)
          return TRUE;
    }

  return plasma != NULL && g_str_has_prefix (plasma, "phone");
}

/**
 * nh_phone_dup_tel_uri:
 * @phone: a number as typed on the card: "+44 20 7946 0000", "(555) 010-0100"
 *
 * The number as a "tel:" link (RFC 3966): the leading "+" and the digits, with
 * an extension ("ext. 12", "x12", "#12") as ";ext=12".
 *
 * Returns: (transfer full) (nullable): the link, or NULL when @phone has no
 *   digits
 */
char *
nh_phone_dup_tel_uri (const char *phone)
{
  g_autoptr(GString) uri = g_string_new ("tel:");
  gboolean in_extension = FALSE;
  gboolean any = FALSE;
  gboolean any_extension = FALSE;

  g_return_val_if_fail (phone != NULL, NULL);

  for (const char *p = phone; *p; p++)
    {
      if (g_ascii_isdigit (*p))
        {
          g_string_append_c (uri, *p);
          if (in_extension)
            any_extension = TRUE;
          else
            any = TRUE;
        }
      else if (*p == '+' && !any && uri->len == 4)
        g_string_append_c (uri, '+');
      else if (!in_extension && any && (*p == '#' || *p == 'x' || *p == 'X' || *p == 'e' || *p == 'E'))
        {
          in_extension = TRUE;
          g_string_append (uri, ";ext=");
        }
    }

  if (!any)
    return NULL;

  if (in_extension && !any_extension)
    g_string_truncate (uri, uri->len - strlen (";ext="));

  return g_string_free (g_steal_pointer (&uri), FALSE);
}
