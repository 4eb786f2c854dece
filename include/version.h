/* version: the program's version, for --version and reports. */
#ifndef BACKPAIN_VERSION_H
#define BACKPAIN_VERSION_H

#define BACKPAIN_VERSION "0.1.0"

#endif
