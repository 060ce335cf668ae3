/* SPDX-License-Identifier: GPL-3.0-or-later */
/* nh-interface-gettext.c: the edition in use speaks first
 *
 * A support group's edition carries its own translation of the interface
 * (nh_catalog_set_interface()), for a language the app does not ship. Every
 * string of the app is looked up through gettext: our own _() and C_(),
 * GtkBuilder's translatable properties, g_dngettext(). These definitions
 * take the place of the C library's for the whole program, ask the
 * edition's catalogue first, and hand everything it lacks, and every other
 * text domain (GTK's own), to the C library's own dcgettext() and
 * dcngettext() (found with dlsym (RTLD_NEXT)). Optimised builds turn
 * gettext() into dcgettext() at compile time, so all six are here.
 * <libintl.h> is not included: its macros would rename these definitions.
 */

#include "config.h"

#include <dlfcn.h>
#include <locale.h>

#include "model/nh-catalog.h"

#undef gettext
#undef dgettext
#undef dcgettext
#undef ngettext
#undef dngettext
#undef dcngettext

char *gettext    (const char *msgid);
char *dgettext   (const char *domain,
                  const char *msgid);
char *dcgettext  (const char *domain,
                  const char *msgid,
                  int         category);
char *ngettext   (const char    *msgid,
                  const char    *msgid_plural,
                  unsigned long  n);
char *dngettext  (const char    *domain,
                  const char    *msgid,
                  const char    *msgid_plural,
                  unsigned long  n);
char *dcngettext (const char    *domain,
                  const char    *msgid,
                  const char    *msgid_plural,
                  unsigned long  n,
                  int            category);

typedef char *(*DcgettextFunc)  (const char *, const char *, int);
typedef char *(*DcngettextFunc) (const char *, const char *, const char *, unsigned long, int);

static char *
system_dcgettext (const char *domain,
                  const char *msgid,
                  int         category)
{
  static DcgettextFunc func;

  if (func == NULL)
    func = (DcgettextFunc)dlsym (RTLD_NEXT, "dcgettext");

  return func ? func (domain, msgid, category) : (char *)msgid;
}

static char *
system_dcngettext (const char    *domain,
                   const char    *msgid,
                   const char    *msgid_plural,
                   unsigned long  n,
                   int            category)
{
  static DcngettextFunc func;

  if (func == NULL)
    func = (DcngettextFunc)dlsym (RTLD_NEXT, "dcngettext");

  if (func != NULL)
    return func (domain, msgid, msgid_plural, n, category);

  return (char *)(n == 1 ? msgid : msgid_plural);
}

static gboolean
is_ours (const char *domain)
{
  return domain == NULL || g_str_equal (domain, GETTEXT_PACKAGE);
}

char *
dcgettext (const char *domain,
           const char *msgid,
           int         category)
{
  NhCatalog *catalog = nh_catalog_get_interface ();

  if (catalog != NULL && category == LC_MESSAGES && is_ours (domain))
    {
      const char *translated;

      /* The header: GLib asks for it to learn that the program is
       * translated at all. */
      if (*msgid == '\0')
        return (char *)"Content-Type: text/plain; charset=UTF-8\n";

      if ((translated = nh_catalog_lookup (catalog, msgid)))
        return (char *)translated;
    }

  return system_dcgettext (domain, msgid, category);
}

char *
dgettext (const char *domain,
          const char *msgid)
{
  return dcgettext (domain, msgid, LC_MESSAGES);
}

char *
gettext (const char *msgid)
{
  return dgettext (NULL, msgid);
}

char *
dcngettext (const char    *domain,
            const char    *msgid,
            const char    *msgid_plural,
            unsigned long  n,
            int            category)
{
  NhCatalog *catalog = nh_catalog_get_interface ();

  if (catalog != NULL && category == LC_MESSAGES && is_ours (domain))
    {
      const char *translated = nh_catalog_ngettext (catalog, msgid, n);

      if (translated != NULL)
        return (char *)translated;
    }

  return system_dcngettext (domain, msgid, msgid_plural, n, category);
}

char *
dngettext (const char    *domain,
           const char    *msgid,
           const char    *msgid_plural,
           unsigned long  n)
{
  return dcngettext (domain, msgid, msgid_plural, n, LC_MESSAGES);
}

char *
ngettext (const char    *msgid,
          const char    *msgid_plural,
          unsigned long  n)
{
  return dngettext (NULL, msgid, msgid_plural, n);
}
