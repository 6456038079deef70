// Nothing to compile: the declaration in include/CFuzzDriver.h is defined by the libFuzzer runtime.
#include "CFuzzDriver.h"
