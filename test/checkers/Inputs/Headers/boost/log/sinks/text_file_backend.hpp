#pragma once
#include <boost/log/utility/setup/file.hpp>
