#include "../../../zint/backend/code128.h"
