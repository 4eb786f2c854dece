/*
 * config: the user's settings, $XDG_CONFIG_HOME/backpain/config.yaml
 * (default ~/.config/backpain/config.yaml). A missing file means defaults.
 * Read as strictly as the content pack, through the same loader
 * (content_tree.c, the only file that calls yaml_*); config.c only
 * describes its fields. app.c reads it once per run (app_config()).
 *
 *   day_starts_at: "04:00"    # when a new day begins, local time
 */
#ifndef BACKPAIN_CONFIG_H
#define BACKPAIN_CONFIG_H

struct config {
	int day_start; /* minutes after midnight; DAY_START_DEFAULT */
};

void config_defaults(struct config *);
/* Path of the config file (allocated), or NULL when neither
 * XDG_CONFIG_HOME nor HOME is set. */
char *config_path(void);
/*
 * Loads path (NULL: config_path()) into c. A missing file leaves defaults
 * and returns 0. A bad file returns -1 with *cause "FILE:LINE:COLUMN: ...";
 * one that cannot be read (or is not a regular file) -2 with *cause.
 */
int config_load(struct config *c, const char *path, char **cause);

#endif
